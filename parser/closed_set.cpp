#include "parser/closed_set.h"

#include <algorithm>

#include "model/edit_distance.h"
#include "parser/text.h"

namespace icetrack {

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
