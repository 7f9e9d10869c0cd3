// Pairs rows that left a list with rows that joined it, when they look like
// one agency under a new name. Same state and model, the same numbers in the
// name ("Precinct 1" is never "Precinct 2"), and one of: the same MOA URL;
// the same distinctive words (only "Sheriff", "Dept." and the like changed);
// a one-letter typo in a distinctive word ("Neuces"/"Nueces", not
// "Milford"/"Milton"); or the same signed date where one name is the other
// plus the state's name ("Department of Corrections" / "Alaska Department of
// Corrections"), never plus another word ("Pinal County Attorney").
// Each row is used at most once; best pairs first.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/roster.h"

namespace icetrack {

// Returns (gone index, new index) pairs.
std::vector<std::pair<size_t, size_t>> MatchRenames(const std::vector<const RosterRow*>& gone,
                                                    const std::vector<const RosterRow*>& added);

}  // namespace icetrack
