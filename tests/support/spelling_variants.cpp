#include "tests/support/spelling_variants.h"

#include <cctype>
#include <sstream>

namespace icetrack::test {

uint32_t SpellingVariants::Next() {
  // xorshift32: small, deterministic, good enough to pick edits.
  state_ ^= state_ << 13;
  state_ ^= state_ >> 17;
  state_ ^= state_ << 5;
  return state_;
}

std::string SpellingVariants::Typo(const std::string& word, int edits) {
  std::string out = word;
  bool upper = !out.empty() && std::isupper(static_cast<unsigned char>(out.back()));
  for (int e = 0; e < edits && out.size() > 2; ++e) {
    size_t at = 1 + Next() % (out.size() - 1);
    char letter = static_cast<char>((upper ? 'A' : 'a') + Next() % 26);
    switch (Next() % 4) {
      case 0: out[at] = letter; break;
      case 1: out.erase(at, 1); break;
      case 2: out.insert(at, 1, out[at]); break;
      default:
        if (at + 1 < out.size()) std::swap(out[at], out[at + 1]);
        else out[at] = letter;
    }
  }
  return out;
}

std::vector<std::string> SpellingVariants::Cases(const std::string& text) {
  std::string upper, lower, title, mixed;
  bool start = true;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    upper += static_cast<char>(std::toupper(u));
    lower += static_cast<char>(std::tolower(u));
    title += static_cast<char>(start ? std::toupper(u) : std::tolower(u));
    mixed += static_cast<char>(Next() % 2 ? std::toupper(u) : std::tolower(u));
    start = c == ' ' || c == '-' || c == '(';
  }
  return {upper, lower, title, mixed};
}

std::vector<std::string> SpellingVariants::Spacing(const std::string& text) {
  std::string doubled;
  for (char c : text) doubled += c == ' ' ? std::string("  ") : std::string(1, c);
  std::string nbsp = text;
  if (size_t space = nbsp.find(' '); space != std::string::npos) nbsp.replace(space, 1, "\xC2\xA0");
  return {"  " + text, text + "   ", doubled, nbsp, text + ".", text + " \xC2\xA0"};
}

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace icetrack::test
