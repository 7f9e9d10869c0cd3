// ClosedSet: match a written value against a closed set of valid names.
//
// A value matches a name when their MatchForm()s are equal, or when exactly
// one name is nearest by edit distance (insertions, deletions, substitutions,
// transpositions) within a small bound that grows with the name's length.
// Typos are thus recognised by their distance to valid names, never by a
// table of typos seen so far. Ties and far values do not match.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/edit_distance.h"

namespace icetrack {


class ClosedSet {
 public:
  // Adds a spelling of `canonical` (the canonical name itself, an alias, an
  // abbreviation). `fuzzy` spellings also match by edit distance.
  void Add(std::string_view spelling, std::string canonical, bool fuzzy = true);

  struct Match {
    std::string canonical;  // empty when nothing matched
    int distance = 0;       // 0 for an exact (MatchForm) match
  };
  Match Find(std::string_view value) const;

 private:
  struct Entry {
    std::string form, canonical;
    bool fuzzy;
  };
  std::vector<Entry> entries_;
};

}  // namespace icetrack
