#include "alerts/text_limits.h"

#include "model/text_fold.h"

namespace icetrack {

size_t CharCount(std::string_view utf8) {
  size_t n = 0;
  for (size_t i = 0; i < utf8.size(); ++n) DecodeUtf8(utf8, &i);
  return n;
}

std::string CutToFit(std::string_view text, size_t max_chars) {
  if (CharCount(text) <= max_chars) return std::string(text);
  size_t i = 0;
  for (size_t n = 0; n + 1 < max_chars && i < text.size(); ++n) DecodeUtf8(text, &i);
  return std::string(text.substr(0, i)) + "…";
}

}  // namespace icetrack
