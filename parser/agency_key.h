// The stable identity of a roster row across publications.
//
// key = "<state code>|<folded agency name>|<model>", e.g.
// "FL|st marys county sheriffs office|JEM". Folding (FoldForKey) makes the
// spellings ICE alternates between one key: case, spacing, ’ vs ', punctuation,
// & vs and, accents; the state code comes from the closed-set match, so a
// typo'd state keeps its key. Unknown parts are kept visible: "?<folded>".
#pragma once

#include <string>
#include <vector>

#include "model/roster.h"

namespace icetrack {

std::string AgencyKey(const RosterRow& row);

// Gives rows that share a key distinct keys ("…#2", "…#3"). Within a group,
// rows are ordered by their content, not their position, so the same rows
// get the same keys in every publication. Returns one warning per extra row,
// in SortWarnings' order.
std::vector<Warning> SeparateDuplicateKeys(std::vector<RosterRow>* rows);

// The parts of SeparateDuplicateKeys, for a reader that cannot hold every
// row (roster_reader.cpp): the order of rows sharing a key (by content; rows
// of the same content keep their order), the key of the `n`th of them (from
// 2), the warning for it, and the order of warnings (by row, then text).
bool ContentBefore(const RosterRow& a, const RosterRow& b);
std::string KeptApartKey(const std::string& key, size_t n);
Warning KeptApartWarning(int row, int first_row, const std::string& key, const std::string& apart);
void SortWarnings(std::vector<Warning>* warnings);

}  // namespace icetrack
