// The guard against inventing changes from a broken publication: a workbook
// that would take away more than a share of its list's rows, or that has no
// rows at all, is quarantined instead of diffed.
#pragma once

#include <string>
#include <vector>

#include "model/change_event.h"

namespace icetrack {

struct GuardOptions {
  double max_removed_share = 0.25;  // participating list
  // The pending list is a queue: in Feb 2026 it turned over completely between
  // two publications four days apart. Only an empty pending list is suspect.
  double max_pending_removed_share = 1.0;
};

// Empty when the step looks sound; else why it does not (one line).
// Rows that leave the pending list because they were approved are not losses.
std::string SuspicionOf(ListKind list, const std::vector<ChangeEvent>& events, size_t previous_rows,
                        size_t new_rows, const GuardOptions& options);

}  // namespace icetrack
