// SnapshotStatus: where a stored publication stands in its list's history.
#pragma once

#include <string_view>

namespace icetrack {

enum class SnapshotStatus {
  Accepted,     // diffed: its rows are the list's rows from then on
  Quarantined,  // held back: it looked broken (see diff/guard.h); `accept` releases it
  Late,         // older than the list's latest publication when it arrived: kept, not diffed
};

const char* ToString(SnapshotStatus status);  // "accepted", "quarantined", "late"
bool ParseSnapshotStatus(std::string_view text, SnapshotStatus* out);

}  // namespace icetrack
