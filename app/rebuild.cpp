#include "app/rebuild.h"

#include "diff/roster_diff.h"
#include "parser/roster_reader.h"

namespace icetrack {

namespace {

// Reads one stored snapshot again and records it as the current rules place it.
Status Replay(Store* store, Store::Rebuild* rebuild, const SnapshotInfo& info, const IngestOptions& options) {
  SnapshotInfo stored;
  std::string bytes;
  Status s = store->GetSnapshot(info.id, &stored, &bytes);
  if (!s.ok()) return s;
  ParsedRoster parsed;
  s = ParseStored(info, bytes, options.limits, &parsed);
  if (!s.ok())
    return Status::Error("snapshot " + std::to_string(info.id) + " can no longer be read (" + s.message() +
                         "); the database is left as it was");
  Placed placed;
  s = PlacePublication(store, parsed.roster, info.published_at, info.accepted_by_hand, options, &placed);
  if (!s.ok()) return s;
  if (info.accepted_by_hand && placed.placement == Placement::Accepted) placed.note = "accepted by hand";
  return rebuild->Rerecord(info.id, parsed.roster, StatusOf(placed.placement), placed.note, placed.update);
}

}  // namespace

std::string CurrentRulesVersion() {
  return std::to_string(kRosterRulesVersion) + "." + std::to_string(kDiffRulesVersion);
}

Status RebuildChangeLog(Store* store, const IngestOptions& options, RebuildReport* out,
                        const RebuildProgress& progress) {
  *out = RebuildReport();
  std::vector<SnapshotInfo> snapshots;
  Status s = store->Snapshots(&snapshots);
  if (!s.ok()) return s;
  std::unique_ptr<Store::Rebuild> rebuild;
  if (!(s = store->BeginRebuild(&rebuild)).ok()) return s;
  for (size_t i = 0; i < snapshots.size(); ++i) {
    if (!(s = Replay(store, rebuild.get(), snapshots[i], options)).ok()) return s;
    if (progress) progress(i + 1, snapshots.size(), snapshots[i].source_name);
  }
  if (!(s = store->SetRulesVersion(CurrentRulesVersion())).ok()) return s;
  if (!(s = rebuild->Commit(&out->added, &out->disappeared)).ok()) return s;
  out->snapshots = snapshots.size();
  return Status::Ok();
}

Status EnsureCurrentRules(Store* store, const IngestOptions& options, bool* rebuilt, std::string* from,
                          RebuildReport* out) {
  *rebuilt = false;
  *out = RebuildReport();
  Status s = store->RulesVersion(from);
  if (!s.ok() || *from == CurrentRulesVersion()) return s;
  std::vector<SnapshotInfo> snapshots;
  if (!(s = store->Snapshots(&snapshots)).ok()) return s;
  if (snapshots.empty()) return store->SetRulesVersion(CurrentRulesVersion());  // nothing to read again
  *rebuilt = true;
  return RebuildChangeLog(store, options, out);
}

Status AcceptQuarantined(Store* store, int64_t snapshot_id, const IngestOptions& options, AcceptOutcome* out) {
  *out = AcceptOutcome();
  SnapshotInfo info;
  std::string bytes;
  Status s = store->GetSnapshot(snapshot_id, &info, &bytes);
  if (!s.ok()) return s;
  if (info.status != SnapshotStatus::Quarantined)
    return Status::Error("snapshot " + std::to_string(snapshot_id) + " is " + ToString(info.status) + ", not quarantined");
  IngestOutcome& result = out->snapshot;
  result.snapshot_id = snapshot_id;
  result.list = info.list;
  result.published_at = info.published_at;
  std::vector<SnapshotInfo> all;
  if (!(s = store->Snapshots(&all)).ok()) return s;
  if (all.back().id != snapshot_id) {
    // Publications came after it: history from there on is diffed again.
    if (!(s = store->MarkAcceptedByHand(snapshot_id)).ok()) return s;
    out->rebuilt = true;
    if (!(s = RebuildChangeLog(store, options, &out->rebuild)).ok()) return s;
    for (const StoredEvent& e : out->rebuild.added) {
      if (e.snapshot_id == snapshot_id) result.events.push_back(e.event);
    }
    SnapshotInfo now;
    if (!(s = store->GetSnapshot(snapshot_id, &now, nullptr)).ok()) return s;
    result.rows = static_cast<size_t>(now.rows);
    return Status::Ok();
  }
  ParsedRoster parsed;
  if (!(s = ParseStored(info, bytes, options.limits, &parsed)).ok()) return s;
  Placed placed;
  if (!(s = PlacePublication(store, parsed.roster, info.published_at, true, options, &placed)).ok()) return s;
  if (placed.placement != Placement::Accepted)
    return Status::Error("snapshot " + std::to_string(snapshot_id) + " cannot be accepted: " + placed.note);
  if (!(s = store->Release(snapshot_id, placed.update)).ok()) return s;
  result.rows = parsed.roster.rows.size();
  result.previous_rows = placed.previous_rows;
  result.events = std::move(placed.update.events);
  return Status::Ok();
}

}  // namespace icetrack
