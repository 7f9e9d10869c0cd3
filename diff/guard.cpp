#include "diff/guard.h"

#include <cstdio>

namespace icetrack {

std::string SuspicionOf(ListKind list, const std::vector<ChangeEvent>& events, size_t previous_rows,
                        size_t new_rows, const GuardOptions& options) {
  if (new_rows == 0) return "the workbook has a header but no rows";
  size_t lost = 0;
  for (const ChangeEvent& e : events) {
    EventKind loss = list == ListKind::Participating ? EventKind::Missing : EventKind::PendingRemoved;
    if (e.kind == loss) ++lost;
  }
  double share = list == ListKind::Participating ? options.max_removed_share : options.max_pending_removed_share;
  if (previous_rows == 0 || lost <= share * static_cast<double>(previous_rows)) return "";
  char line[160];
  std::snprintf(line, sizeof line, "would take away %zu of the %zu rows of the %s list (%.0f%%, over %.0f%%)",
                lost, previous_rows, ToString(list), 100.0 * static_cast<double>(lost) / static_cast<double>(previous_rows),
                100.0 * share);
  return line;
}

}  // namespace icetrack
