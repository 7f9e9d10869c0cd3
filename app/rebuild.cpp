#include "app/rebuild.h"

#include "app/alert_routing.h"
#include "app/parse_ahead.h"
#include "model/utc_time.h"

#include <algorithm>
#include <cstdint>

namespace icetrack {

namespace {

// A stored snapshot read again: its bytes, through `from`, and its roster.
ReadWorkbook ReadStored(Store* from, const SnapshotInfo& info, const ZipLimits& limits) {
  ReadWorkbook out;
  out.path = info.source_name;
  SnapshotInfo stored;
  out.status = from->GetSnapshot(info.id, &stored, &out.bytes);
  if (out.status.ok()) out.status = ParseStored(info, out.bytes, limits, &out.roster);
  out.parsed = out.status.ok();
  out.bytes = std::string();  // the roster is what is recorded
  return out;
}

// Records one stored snapshot, read again (`read`, on the second thread), as
// the current rules place it. What the second thread could not read is read
// again here, where the reasons are told apart as they always were.
// `released`: the snapshot a reviewer accepts now, whose events are news to the alert targets.
Status Replay(Store* store, Store::Rebuild* rebuild, const SnapshotInfo& info, ReadWorkbook read,
              const IngestOptions& options, bool released, RebuildReport* report) {
  ParsedRoster parsed;
  if (read.parsed) {
    parsed = std::move(read.roster);
  } else {
    SnapshotInfo stored;
    std::string bytes;
    Status s = store->GetSnapshot(info.id, &stored, &bytes);
    if (!s.ok()) return s;
    s = ParseStored(info, bytes, options.limits, &parsed);
    if (!s.ok()) {
      report->unreadable_snapshot = info.id;
      return Status::Error("snapshot " + std::to_string(info.id) + " can no longer be read (" + s.message() +
                           "); the database is left as it was");
    }
  }
  Placed placed;
  Status s = PlacePublication(store, parsed.roster, info.published_at, info.accepted_by_hand, options, &placed);
  if (!s.ok()) return s;
  std::vector<AlertRoute> routes;
  if (released) routes = RoutesFor(placed.update.events, options.alerts);
  return rebuild->Rerecord(info.id, parsed.roster, StatusOf(placed.placement), placed.note, std::move(placed.update),
                           routes);
}

Rules RulesOf(const IngestOptions& options) { return Rules{CurrentRulesVersion(), options.diff, options.guard}; }

// Oldest publication first, the order stored among equals: a publication
// that arrived after newer ones (an archived capture, a late live copy) is
// diffed where it stands in history, not where it arrived.
void InPublicationOrder(std::vector<SnapshotInfo>* snapshots) {
  auto seconds = [](const SnapshotInfo& s) {
    UtcTime t;
    return ParseIsoTime(s.published_at, &t) ? t.seconds : INT64_MAX;  // never stored so; last, if ever
  };
  std::stable_sort(snapshots->begin(), snapshots->end(),
                   [&](const SnapshotInfo& a, const SnapshotInfo& b) { return seconds(a) < seconds(b); });
}

}  // namespace

Status RebuildChangeLog(Store* store, const IngestOptions& options, RebuildReport* out,
                        const RebuildProgress& progress, int64_t accept_by_hand) {
  *out = RebuildReport();
  std::unique_ptr<Store::Rebuild> rebuild;
  Status s = store->BeginRebuild(&rebuild);
  if (!s.ok()) return s;
  if (accept_by_hand && !(s = store->MarkAcceptedByHand(accept_by_hand)).ok()) return s;  // in the same transaction
  std::vector<SnapshotInfo> snapshots;
  if (!(s = store->Snapshots(&snapshots)).ok()) return s;
  InPublicationOrder(&snapshots);
  // The next snapshot is read on a second thread, through a read-only
  // connection of its own: a rebuild never changes the stored bytes. Without
  // that connection, each is read here.
  std::unique_ptr<Store> reader;
  if (snapshots.size() > 1 && (!Store::OpenReadOnly(store->path(), &reader).ok() || !reader->SetPageCacheKiB(256).ok()))
    reader.reset();
  std::vector<std::string> names;  // none without the reader: nothing is read ahead
  for (size_t i = 0; reader && i < snapshots.size(); ++i) names.push_back(snapshots[i].source_name);
  ParseAhead ahead(names, [&](size_t i) { return ReadStored(reader.get(), snapshots[i], options.limits); });
  for (size_t i = 0; i < snapshots.size(); ++i) {
    bool released = accept_by_hand != 0 && snapshots[i].id == accept_by_hand;
    ReadWorkbook read;  // when not read ahead (not parsed), read in Replay
    ahead.Next(&read);
    if (!(s = Replay(store, rebuild.get(), snapshots[i], std::move(read), options, released, out)).ok()) return s;
    if (progress) progress(i + 1, snapshots.size(), snapshots[i].source_name);
  }
  if (!(s = store->SetSettings(RulesSettings(RulesOf(options)))).ok()) return s;
  if (!(s = rebuild->Commit(&out->added, &out->disappeared)).ok()) return s;
  out->snapshots = snapshots.size();
  return Status::Ok();
}

Status EnsureCurrentRules(Store* store, const RuleFlags& flags, IngestOptions* effective, bool* rebuilt,
                          Rules* was, RebuildReport* out) {
  *rebuilt = false;
  *out = RebuildReport();
  std::map<std::string, std::string> settings;
  Status s = store->Settings(&settings);
  if (!s.ok()) return s;
  if (!(s = StoredRules(settings, was)).ok()) return s;
  Rules wanted = WantedRules(*was, flags);
  effective->diff = wanted.diff;
  effective->guard = wanted.guard;
  if (wanted == *was) return Status::Ok();
  std::vector<SnapshotInfo> snapshots;
  if (!(s = store->Snapshots(&snapshots)).ok()) return s;
  if (snapshots.empty()) return store->SetSettings(RulesSettings(wanted));  // nothing to read again
  *rebuilt = true;
  return RebuildChangeLog(store, *effective, out);
}

Status AcceptQuarantined(Store* store, int64_t snapshot_id, const IngestOptions& options, AcceptOutcome* out) {
  *out = AcceptOutcome();
  SnapshotInfo info;
  std::string bytes;
  Status s = store->GetSnapshot(snapshot_id, &info, &bytes);
  if (!s.ok()) return s;
  IngestOutcome& result = out->snapshot;
  result.snapshot_id = snapshot_id;
  result.list = info.list;
  result.published_at = info.published_at;
  std::vector<SnapshotInfo> all;
  if (!(s = store->Snapshots(&all)).ok()) return s;
  if (all.back().id != snapshot_id) {
    // Publications came after it: history from there on is diffed again.
    out->rebuilt = true;
    if (!(s = RebuildChangeLog(store, options, &out->rebuild, nullptr, snapshot_id)).ok()) return s;
    // Its events were queued for the alert targets within the rebuild; the later ones' are history diffed again.
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
  // Its suspicious_snapshot event is stored already.
  std::vector<ChangeEvent>& events = placed.update.events;
  events.erase(std::remove_if(events.begin(), events.end(),
                              [](const ChangeEvent& e) { return e.kind == EventKind::SuspiciousSnapshot; }),
               events.end());
  std::vector<AlertRoute> routes = RoutesFor(events, options.alerts);
  std::vector<ChangeEvent> released = events;  // the update goes to the store
  if (!(s = store->Release(snapshot_id, std::move(placed.update), routes)).ok()) return s;
  result.rows = parsed.roster.rows.size();
  result.previous_rows = placed.previous_rows;
  result.events = std::move(released);
  return Status::Ok();
}

}  // namespace icetrack
