// SnapshotInfo: one stored publication of a list, as the store describes it
// (docs/SCHEMA.md, table snapshots): where it came from, when ICE published
// it, what it held and whether it was accepted.
#pragma once

#include <cstdint>
#include <string>

#include "model/roster.h"
#include "model/snapshot_source.h"
#include "model/snapshot_status.h"

namespace icetrack {

struct SnapshotInfo {
  int64_t id = 0;
  ListKind list = ListKind::Participating;
  std::string sha256, source_name, source_url, published_at, observed_at, sheet, note;
  int rows = 0, jem = 0, tfm = 0, wso = 0, no_model = 0;
  SnapshotStatus status = SnapshotStatus::Accepted;
  bool accepted_by_hand = false;  // released by `icetrack accept`
  SnapshotSource source = SnapshotSource::Imported;
};

}  // namespace icetrack
