#include "app/ingest.h"

#include <cstdio>
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

// Diffs `roster` against its list as the store holds it.
Status DiffWithStore(Store* store, const Roster& roster, const std::string& at, const DiffOptions& options,
                     ListUpdate* update, size_t* previous_rows) {
  ListState previous;
  OtherList other;
  Status s = store->LoadListState(roster.kind, &previous);
  if (s.ok()) s = store->LoadOtherList(roster.kind, &other);
  if (!s.ok()) return s;
  *update = DiffRoster(previous, roster, at, other, options);
  *previous_rows = previous.present.size();
  return Status::Ok();
}

// ...and turns a step that looks broken into one suspicious_snapshot event.
Status DiffAgainstStore(Store* store, const Roster& roster, const std::string& at, const IngestOptions& options,
                        ListUpdate* update, IngestOutcome* out) {
  Status s = DiffWithStore(store, roster, at, options.diff, update, &out->previous_rows);
  if (!s.ok()) return s;
  std::string why = SuspicionOf(roster.kind, update->events, out->previous_rows, roster.rows.size(), options.guard);
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
  std::string utc = text.substr(0, 19) + "Z";
  size_t zone = 19;  // after the seconds and any fraction
  if (zone < text.size() && text[zone] == '.') zone = text.find_first_not_of("0123456789", zone + 1);
  if (zone >= text.size() || (text[zone] != '+' && text[zone] != '-')) return utc;
  std::tm tm{};
  int offset_hours = 0, offset_minutes = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec) != 6 ||
      std::sscanf(text.c_str() + zone + 1, "%2d:%2d", &offset_hours, &offset_minutes) != 2)
    return utc;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t local = timegm(&tm);
  int offset = (offset_hours * 60 + offset_minutes) * 60;
  std::time_t when = text[zone] == '+' ? local - offset : local + offset;
  gmtime_r(&when, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
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

Status ParseWorkbook(const std::string& bytes, const std::string& label, const ZipLimits& limits,
                     ParsedRoster* out) {
  *out = ParsedRoster();
  std::unique_ptr<XlsxReader> workbook;
  Status s = XlsxReader::OpenBuffer(bytes, label, limits, &workbook);
  if (s.ok()) s = ReadRoster(*workbook, &out->roster);
  if (!s.ok()) return s;
  out->published_at = NormalizeTime(workbook->modified_time());
  return Status::Ok();
}

Status RosterFromPage(const Page& page, const std::string& page_url, ParsedRoster* out) {
  *out = ParsedRoster();
  RosterBuilder builder;
  for (const TableRow& row : page.roster_table) {
    if (!builder.Add(row)) break;
  }
  if (!builder.has_header()) return Status::Error(page_url + ": the page holds no roster table");
  builder.Finish(&out->roster);
  out->roster.sheet = "HTML table";
  // A bare date ("2025-03-14", from the meta tag) would claim midnight; the caller falls back instead.
  std::string modified = NormalizeTime(page.modified_time);
  if (modified.size() == 20 && modified.back() == 'Z') out->published_at = modified;
  return Status::Ok();
}

Status ParsePageRoster(const std::string& html, const std::string& page_url, ParsedRoster* out) {
  Page page;
  Status s = ParsePage(html, page_url, &page);
  if (!s.ok()) return s;
  return RosterFromPage(page, page_url, out);
}

Status Ingest(Store* store, const IngestInput& input, const IngestOptions& options, IngestOutcome* out) {
  *out = IngestOutcome();
  std::optional<SnapshotInfo> existing;
  Status s = store->FindSnapshot(Sha256Hex(input.bytes), &existing);
  if (!s.ok()) return s;
  if (existing) return IngestParsed(store, input, ParsedRoster(), options, out);  // cheap: no parsing
  ParsedRoster parsed;
  s = ParseWorkbook(input.bytes, input.label.empty() ? input.source_name : input.label, options.limits, &parsed);
  if (!s.ok()) return s;
  return IngestParsed(store, input, parsed, options, out);
}

Status IngestParsed(Store* store, const IngestInput& input, const ParsedRoster& parsed,
                    const IngestOptions& options, IngestOutcome* out) {
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
  const Roster& roster = parsed.roster;
  record.bytes = input.bytes;
  record.source_name = input.source_name;
  record.source_url = input.source_url;
  record.observed_at = input.observed_at.empty() ? NowUtc() : input.observed_at;
  record.published_at = parsed.published_at;
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
  // A snapshot is a workbook, or the page whose roster table it was read from (pre-2025 layout).
  ParsedRoster parsed;
  if (bytes.compare(0, 2, "PK") == 0) s = ParseWorkbook(bytes, info.source_name, options.limits, &parsed);
  else s = ParsePageRoster(bytes, info.source_url, &parsed);
  if (!s.ok()) return s;
  const Roster& roster = parsed.roster;
  ListUpdate update;
  if (!(s = DiffWithStore(store, roster, info.published_at, options.diff, &update, &out->previous_rows)).ok()) return s;
  if (!(s = store->Release(snapshot_id, update)).ok()) return s;
  out->snapshot_id = snapshot_id;
  out->list = roster.kind;
  out->rows = roster.rows.size();
  out->published_at = info.published_at;
  out->events = std::move(update.events);
  return Status::Ok();
}

}  // namespace icetrack
