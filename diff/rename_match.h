// Pairs rows that left a list with rows that joined it, when they look like
// one agency under a new name: same state and model, and a near-identical
// name, the same MOA URL, or the same signed date with a distinctive word of
// the name in common. Each row is used at most once; best pairs first.
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
