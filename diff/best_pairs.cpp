#include "diff/best_pairs.h"

#include <algorithm>
#include <tuple>

namespace icetrack {

std::vector<std::pair<size_t, size_t>> BestPairs(size_t gone, size_t added,
                                                 const std::function<int(size_t, size_t)>& score) {
  std::vector<std::tuple<int, size_t, size_t>> candidates;
  for (size_t g = 0; g < gone; ++g) {
    for (size_t a = 0; a < added; ++a) {
      int s = score(g, a);
      if (s >= 0) candidates.emplace_back(s, g, a);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<bool> gone_used(gone), added_used(added);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (auto [s, g, a] : candidates) {
    if (gone_used[g] || added_used[a]) continue;
    gone_used[g] = added_used[a] = true;
    pairs.emplace_back(g, a);
  }
  return pairs;
}

}  // namespace icetrack
