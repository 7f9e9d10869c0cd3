#include "model/snapshot_status.h"

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<SnapshotStatus> kStatuses[] = {
    {SnapshotStatus::Accepted, "accepted"},
    {SnapshotStatus::Quarantined, "quarantined"},
    {SnapshotStatus::Late, "late"},
};

}  // namespace

const char* ToString(SnapshotStatus status) { return NameIn(kStatuses, status); }

bool ParseSnapshotStatus(std::string_view text, SnapshotStatus* out) { return ValueIn(kStatuses, text, out); }

}  // namespace icetrack
