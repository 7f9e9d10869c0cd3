#include "model/text_fold.h"

#include "model/ascii_text.h"

#include <cctype>

namespace icetrack {

namespace {

// Latin-1 supplement and a few Latin Extended-A letters without accents.
char FoldLatin(uint32_t cp) {
  static const char* kLatin1 =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  return 0;
}

}  // namespace

uint32_t DecodeUtf8(std::string_view text, size_t* i) {
  unsigned char c = static_cast<unsigned char>(text[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len <= 1 || *i + static_cast<size_t>(len) > text.size()) {
    ++*i;
    return c;
  }
  uint32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[*i + static_cast<size_t>(k)]);
    if ((cc >> 6) != 2) {
      ++*i;
      return c;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *i += static_cast<size_t>(len);
  return cp;
}

std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

size_t Utf8SequenceLength(std::string_view text) {
  if (text.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(text[0]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || len > text.size()) return 0;
  uint32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[k]);
    if ((cc >> 6) != 2) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t len = Utf8SequenceLength(text.substr(i));
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string FoldForKey(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);  // (nearly always enough: "&" -> "and" alone grows)
  bool space = false;
  auto put = [&](char c) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  };
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    uint32_t cp = byte < 0x80 ? (++i, byte) : DecodeUtf8(text, &i);
    if (cp < 0x80 && (IsAlphaAscii(static_cast<char>(cp)) || IsDigitAscii(static_cast<char>(cp)))) {
      put(ToLowerAscii(static_cast<char>(cp)));
    } else if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x60 ||
               cp == 0xB4) {
      // apostrophes join: "Mary's" == "Marys"
    } else if (cp == '&') {
      space = true;
      put('a'), out += "nd";
      space = true;
    } else if (char folded = FoldLatin(cp); folded && folded != '*' && folded != '/') {
      put(folded);
    } else {
      space = true;
    }
  }
  return out;
}

}  // namespace icetrack
