#include "app/ingest.h"

#include <ctime>
#include <map>
#include <memory>

#include "parser/roster_reader.h"
#include "parser/xlsx_reader.h"

namespace icetrack {

namespace {

ChangeEvent Suspicious(ListKind list, const std::string& why) {
  ChangeEvent e;
  e.kind = EventKind::SuspiciousSnapshot;
  e.list = list;
  e.detail = why;
  return e;
}

// Diffs `roster` against its list in the store and applies the guard.
Status DiffAgainstStore(Store* store, const Roster& roster, const std::string& at, const IngestOptions& options,
                        ListUpdate* update, IngestOutcome* out) {
  ListState previous;
  OtherList other;
  Status s = store->LoadListState(roster.kind, &previous);
  if (s.ok()) s = store->LoadOtherList(roster.kind, &other);
  if (!s.ok()) return s;
  *update = DiffRoster(previous, roster, at, other, options.diff);
  out->previous_rows = previous.present.size();
  std::string why = SuspicionOf(roster.kind, update->events, previous.present.size(), roster.rows.size(), options.guard);
  if (!why.empty()) {
    out->result = IngestResult::Quarantined;
    out->note = why;
    update->events = {Suspicious(roster.kind, why)};
  }
  return Status::Ok();
}

}  // namespace

const char* ToString(IngestResult result) {
  switch (result) {
    case IngestResult::Duplicate: return "already stored";
    case IngestResult::Quarantined: return "quarantined";
    case IngestResult::Late: return "late";
    case IngestResult::Stored: break;
  }
  return "stored";
}

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string NormalizeTime(const std::string& text) {
  if (text.size() < 19 || text[4] != '-' || text[10] != 'T') return text;
  return text.substr(0, 19) + "Z";
}

std::string SummarizeEvents(const std::vector<ChangeEvent>& events) {
  std::map<std::string, int> counts;
  std::vector<std::string> order;
  for (const ChangeEvent& e : events) {
    if (counts[ToString(e.kind)]++ == 0) order.push_back(ToString(e.kind));
  }
  std::string out;
  for (const std::string& kind : order) out += (out.empty() ? "" : ", ") + std::to_string(counts[kind]) + " " + kind;
  return out;
}

Status Ingest(Store* store, const IngestInput& input, const IngestOptions& options, IngestOutcome* out) {
  *out = IngestOutcome();
  SnapshotRecord record;
  record.sha256 = Sha256Hex(input.bytes);
  std::optional<SnapshotInfo> existing;
  Status s = store->FindSnapshot(record.sha256, &existing);
  if (!s.ok()) return s;
  if (existing) {
    out->result = IngestResult::Duplicate;
    out->snapshot_id = existing->id;
    out->list = existing->list;
    out->rows = static_cast<size_t>(existing->rows);
    out->published_at = existing->published_at;
    return Status::Ok();
  }
  std::unique_ptr<XlsxReader> workbook;
  Roster roster;
  s = XlsxReader::OpenBuffer(input.bytes, input.label.empty() ? input.source_name : input.label,
                             options.limits, &workbook);
  if (s.ok()) s = ReadRoster(*workbook, &roster);
  if (!s.ok()) return s;

  record.bytes = input.bytes;
  record.source_name = input.source_name;
  record.source_url = input.source_url;
  record.observed_at = input.observed_at.empty() ? NowUtc() : input.observed_at;
  record.published_at = NormalizeTime(workbook->modified_time());
  if (record.published_at.empty()) record.published_at = input.http_last_modified;
  if (record.published_at.empty()) record.published_at = record.observed_at;
  record.roster = &roster;
  out->list = roster.kind;
  out->rows = roster.rows.size();
  out->published_at = record.published_at;
  out->warnings = roster.warnings;

  std::optional<SnapshotInfo> latest;
  if (!(s = store->LatestAccepted(roster.kind, &latest)).ok()) return s;
  ListUpdate update;
  SnapshotStatus status = SnapshotStatus::Accepted;
  if (latest && record.published_at < latest->published_at) {
    // Older than what the list already shows: kept, but diffing it would run history backwards.
    out->result = IngestResult::Late;
    out->note = "published " + record.published_at + ", before the latest " + ToString(roster.kind) +
                " snapshot (" + latest->published_at + "); kept without events";
    status = SnapshotStatus::Late;
  } else {
    if (!(s = DiffAgainstStore(store, roster, record.published_at, options, &update, out)).ok()) return s;
    if (out->result == IngestResult::Quarantined) status = SnapshotStatus::Quarantined;
  }
  record.note = out->note;
  if (!(s = store->Record(record, status, update, &out->snapshot_id)).ok()) return s;
  out->events = std::move(update.events);
  return Status::Ok();
}

Status AcceptQuarantined(Store* store, int64_t snapshot_id, const IngestOptions& options, IngestOutcome* out) {
  *out = IngestOutcome();
  SnapshotInfo info;
  std::string bytes;
  Status s = store->GetSnapshot(snapshot_id, &info, &bytes);
  if (!s.ok()) return s;
  if (info.status != SnapshotStatus::Quarantined)
    return Status::Error("snapshot " + std::to_string(snapshot_id) + " is " + ToString(info.status) + ", not quarantined");
  std::optional<SnapshotInfo> latest;
  if (!(s = store->LatestAccepted(info.list, &latest)).ok()) return s;
  if (latest && info.published_at < latest->published_at)
    return Status::Error("snapshot " + std::to_string(snapshot_id) + " was published before the latest accepted " +
                         ToString(info.list) + " snapshot " + std::to_string(latest->id) + "; accepting it would run history backwards");
  std::unique_ptr<XlsxReader> workbook;
  Roster roster;
  s = XlsxReader::OpenBuffer(std::move(bytes), info.source_name, options.limits, &workbook);
  if (s.ok()) s = ReadRoster(*workbook, &roster);
  if (!s.ok()) return s;
  ListState previous;
  OtherList other;
  if (!(s = store->LoadListState(roster.kind, &previous)).ok()) return s;
  if (!(s = store->LoadOtherList(roster.kind, &other)).ok()) return s;
  ListUpdate update = DiffRoster(previous, roster, info.published_at, other, options.diff);
  if (!(s = store->Release(snapshot_id, update)).ok()) return s;
  out->snapshot_id = snapshot_id;
  out->list = roster.kind;
  out->rows = roster.rows.size();
  out->previous_rows = previous.present.size();
  out->published_at = info.published_at;
  out->events = std::move(update.events);
  return Status::Ok();
}

}  // namespace icetrack
