#include "parser/closed_set.h"

#include <algorithm>

#include "parser/text.h"

namespace icetrack {

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const size_t n = a.size(), m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

namespace {

// How many edits a name of this length may absorb: 1 up to 5 letters,
// 2 up to 11, 3 beyond. Short names need exactness to stay unambiguous.
int Tolerance(size_t length) {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 11) return 2;
  return 3;
}

}  // namespace

void ClosedSet::Add(std::string_view spelling, std::string canonical, bool fuzzy) {
  entries_.push_back({MatchForm(spelling), std::move(canonical), fuzzy});
}

ClosedSet::Match ClosedSet::Find(std::string_view value) const {
  std::string form = MatchForm(value);
  if (form.empty()) return {};
  for (const Entry& e : entries_) {
    if (e.form == form) return {e.canonical, 0};
  }
  int best = 1 << 20;
  std::string best_name;
  bool tie = false;
  for (const Entry& e : entries_) {
    if (!e.fuzzy) continue;
    int limit = Tolerance(std::min(e.form.size(), form.size()));
    if (limit == 0) continue;
    int d = EditDistance(form, e.form, limit);
    if (d > limit || d > best) continue;
    if (d < best) {
      best = d;
      best_name = e.canonical;
      tie = false;
    } else if (e.canonical != best_name) {
      tie = true;
    }
  }
  if (best_name.empty() || tie) return {};
  return {best_name, best};
}

}  // namespace icetrack
