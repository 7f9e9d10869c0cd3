// ClosedSet: match a written value against a closed set of valid names.
//
// A value matches a name, in this order, when (1) their MatchForm()s are
// equal (initials joined: "N.C." is "NC", "U.S." is "US"), also once the
// set's filler words are dropped ("State of Florida"); (2) it abbreviates the
// name word by word, each word by a letter or by its own letters in order
// starting with its first ("N. Carolina", "W. Va.", "Fla.", "Penna.",
// "Cnty"; a one-word name needs three letters); (3) exactly one name is
// nearest by edit distance (insertions, deletions, substitutions,
// transpositions) within a bound that grows with the name's length. Typos
// are thus recognised by their distance to valid names, never by a table of
// typos seen so far. Two names that fit equally well match nothing, and an
// ambiguous abbreviation ("Ala." for Alabama and Alaska) is not then guessed
// by distance.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/edit_distance.h"

namespace icetrack {

class ClosedSet {
 public:
  // Adds a spelling of `canonical` (the canonical name itself, an alias, an
  // abbreviation). `fuzzy` spellings also match by abbreviation and distance.
  void Add(std::string_view spelling, std::string canonical, bool fuzzy = true);
  // A word that may surround a name without changing it ("STATE", "OF"),
  // dropped before and after the name, never inside it.
  void AddFiller(std::string_view word);

  struct Match {
    std::string canonical;  // empty when nothing matched
    int distance = 0;       // 0 for an exact match; 1 or more when abbreviated or misspelt
  };
  Match Find(std::string_view value) const;

 private:
  struct Entry {
    std::string form, canonical;
    std::vector<std::string> words;
    bool fuzzy;
  };
  Match Exact(const std::string& form) const;
  Match Abbreviated(const std::vector<std::string>& words, bool* ambiguous) const;
  Match Nearest(const std::string& form) const;
  std::vector<Entry> entries_;
  std::set<std::string> fillers_;
};

// MatchForm with runs of single letters joined: "N C" -> "NC", "U S VIRGIN" -> "US VIRGIN".
std::string JoinedForm(std::string_view text);

}  // namespace icetrack
