#include "parser/text.h"

#include <cctype>
#include <cstdint>

namespace icetrack {

namespace {

// Decodes one UTF-8 code point at text[*i], advancing *i. Invalid bytes come
// back as themselves (Latin-1 reading), so nothing is dropped.
uint32_t NextCodePoint(std::string_view text, size_t* i) {
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

bool IsSpace(uint32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp == 0x85;
}

// Latin-1 supplement and a few Latin Extended-A letters without accents.
char FoldLatin(uint32_t cp) {
  static const char* kLatin1 =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  return 0;
}

}  // namespace

std::string CleanText(std::string_view text) {
  // Fast path: plain ASCII that is already clean (most cells).
  bool clean = !text.empty() && text.front() != ' ' && text.back() != ' ';
  for (size_t i = 0; clean && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    clean = c >= 0x20 && c < 0x80 && !(c == ' ' && text[i + 1] == ' ');
  }
  if (clean) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    uint32_t cp = NextCodePoint(text, &i);
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

std::string FoldForKey(std::string_view text) {
  std::string out;
  bool space = false;
  auto put = [&](char c) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  };
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = NextCodePoint(text, &i);
    if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
      put(static_cast<char>(std::tolower(static_cast<int>(cp))));
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
