// One-to-one pairing of rows that left a list with rows that joined it, for
// the matchers (renames, corrections): every scored candidate pair, best
// (lowest score) first, each row used at most once.
#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace icetrack {

// `score(g, a)` is < 0 when gone row g and added row a are not a pair.
// Equal scores keep the order of (g, a). Returns (g, a) pairs.
std::vector<std::pair<size_t, size_t>> BestPairs(size_t gone, size_t added,
                                                 const std::function<int(size_t, size_t)>& score);

}  // namespace icetrack
