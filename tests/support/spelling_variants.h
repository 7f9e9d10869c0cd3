// Spellings ICE might write for a value, generated: case, spacing, NBSPs,
// punctuation, and typos (a letter replaced, dropped, doubled or two letters
// swapped), deterministically from a seed. For the normalizer tests that
// must hold for spellings nobody has seen yet.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace icetrack::test {

class SpellingVariants {
 public:
  explicit SpellingVariants(uint32_t seed) : state_(seed ? seed : 1) {}

  // `edits` random typos in `word` (letters only; the first letter is kept,
  // as people rarely mistype it).
  std::string Typo(const std::string& word, int edits);
  // The same text in upper, lower, title and a random mix of case.
  std::vector<std::string> Cases(const std::string& text);
  // Leading, trailing and doubled spaces, an NBSP, a trailing period.
  std::vector<std::string> Spacing(const std::string& text);

  uint32_t Next();

 private:
  uint32_t state_;
};

// The words of `text`, split on spaces.
std::vector<std::string> SplitWords(const std::string& text);
std::string JoinWords(const std::vector<std::string>& words);

}  // namespace icetrack::test
