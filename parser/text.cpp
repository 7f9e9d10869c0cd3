#include "parser/text.h"

#include "model/ascii_text.h"
#include "model/text_fold.h"

#include <cctype>
#include <cstdint>

namespace icetrack {

namespace {

bool IsSpace(uint32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp == 0x85;
}

// Plain ASCII that is already clean: no control byte, no byte from 0x80, no
// space at either end or twice. Whole words tested at once (a URL is long).
bool IsCleanAscii(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  for (size_t i = SkipPlainAsciiWords(text, 0, ""); i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x80) return false;
  }
  return text.find("  ") == std::string_view::npos;
}

}  // namespace

std::string CleanText(std::string_view text) {
  if (IsCleanAscii(text)) return std::string(text);  // most cells
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(text, &i);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.substr(start, i - start));
  }
  return out;
}

std::string MatchForm(std::string_view text) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::toupper(c));
    } else if (c != '\'') {
      space = true;
    }
  }
  return out;
}

}  // namespace icetrack
