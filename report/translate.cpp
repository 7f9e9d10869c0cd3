#include "report/translate.h"

#include <libintl.h>

#include <vector>

namespace icetrack {

const char* Tr(Language language, const char* message) {
  return language == Language::English ? message : dgettext(kTextDomain, message);
}

const char* TrN(Language language, const char* one, const char* many, unsigned long n) {
  if (language == Language::English) return n == 1 ? one : many;
  return dngettext(kTextDomain, one, many, n);
}

std::string Fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::vector<std::string_view> values(args);
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9' &&
        pattern[i + 2] == '}') {
      size_t index = static_cast<size_t>(pattern[i + 1] - '1');
      if (index < values.size()) {
        out += values[index];
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace icetrack
