// Edit distance between two strings (optimal string alignment: insertions,
// deletions, substitutions and adjacent transpositions each count one).
// Shared by the parser (typos in closed sets) and the diff (renames).
#pragma once

#include <string_view>

namespace icetrack {

// Stops early: any distance above `limit` is returned as limit + 1.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace icetrack
