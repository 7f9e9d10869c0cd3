#include "app/ingest.h"

#include "app/alert_routing.h"

#include <ctime>
#include <map>
#include <memory>

#include "model/utc_time.h"
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

// A snapshot's own bytes: the markup they are is kept already.
Status ParsePageRoster(const std::string& html, const std::string& page_url, ParsedRoster* out) {
  Page page;
  Status s = ParsePage(html, page_url, &page, TableMarkup::Skip);
  if (!s.ok()) return s;
  return RosterFromPage(page, page_url, out);
}

}  // namespace

std::string NowUtc() { return FormatIsoTime(UtcTime{static_cast<int64_t>(std::time(nullptr))}); }

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
  out->published_at = CanonicalTime(workbook->modified_time());
  return Status::Ok();
}

Status RosterFromPage(const Page& page, const std::string& page_url, ParsedRoster* out) {
  *out = ParsedRoster();
  RosterBuilder builder;
  for (const TableRow& row : page.roster_table) {
    if (!builder.Add(row)) break;
  }
  if (!builder.has_header()) return Status::Error(page_url + ": the page holds no roster table");
  Roster roster;
  builder.Finish(&roster);
  roster.sheet = "HTML table";
  out->roster = Pack(roster);
  // A bare date ("2025-03-14", from the meta tag) would claim midnight: CanonicalTime gives "" for it.
  out->published_at = CanonicalTime(page.modified_time);
  return Status::Ok();
}

bool IsStoredWorkbook(std::string_view bytes) { return bytes.substr(0, 2) == "PK"; }

Status ParseStored(const SnapshotInfo& info, const std::string& bytes, const ZipLimits& limits,
                   ParsedRoster* out) {
  if (IsStoredWorkbook(bytes)) return ParseWorkbook(bytes, info.source_name, limits, out);
  return ParsePageRoster(bytes, info.source_url, out);
}

namespace {

void DuplicateOutcome(const SnapshotInfo& existing, IngestOutcome* out) {
  out->result = Placement::Duplicate;
  out->snapshot_id = existing.id;
  out->list = existing.list;
  out->rows = static_cast<size_t>(existing.rows);
  out->published_at = existing.published_at;
}

// IngestParsed for bytes whose digest is `sha256` and that are not stored yet.
Status IngestNew(Store* store, const IngestInput& input, std::string sha256, const ParsedRoster& parsed,
                 const IngestOptions& options, IngestOutcome* out);

}  // namespace

Status Ingest(Store* store, const IngestInput& input, const IngestOptions& options, IngestOutcome* out) {
  // Hashed once: a workbook is hashed, then parsed, once.
  return IngestHashed(store, input, Sha256Hex(input.bytes), nullptr, options, out);
}

Status IngestHashed(Store* store, const IngestInput& input, const std::string& sha256, const ParsedRoster* parsed,
                    const IngestOptions& options, IngestOutcome* out) {
  *out = IngestOutcome();
  std::optional<SnapshotInfo> existing;
  Status s = store->FindSnapshot(sha256, &existing);
  if (!s.ok()) return s;
  if (existing) return DuplicateOutcome(*existing, out), Status::Ok();  // cheap: no parsing
  if (parsed) return IngestNew(store, input, sha256, *parsed, options, out);
  ParsedRoster read;
  s = ParseWorkbook(input.bytes, input.label.empty() ? input.source_name : input.label, options.limits, &read);
  if (!s.ok()) return s;
  return IngestNew(store, input, sha256, read, options, out);
}

Status PlacePublication(Store* store, const PackedRoster& roster, const std::string& published_at, bool accepted_by_hand,
                        const IngestOptions& options, Placed* out) {
  *out = Placed();
  std::optional<SnapshotInfo> latest;
  Status s = store->LatestAccepted(roster.kind, &latest);
  if (!s.ok()) return s;
  Arrival arrival{false, published_at, latest ? latest->published_at : "", accepted_by_hand};
  if (std::optional<Placement> early = PlaceBeforeDiff(arrival)) {
    out->placement = *early;
    out->note = "published " + published_at + ", before the latest " + ToString(roster.kind) + " snapshot (" +
                latest->published_at + "); kept without events";
    return Status::Ok();
  }
  std::shared_ptr<const ListState> previous;
  OtherList other;
  if (!(s = store->LoadListState(roster.kind, &previous)).ok()) return s;
  if (!(s = store->LoadOtherList(roster.kind, &other)).ok()) return s;
  out->update = DiffRoster(*previous, roster, published_at, other, options.diff);
  out->previous_rows = previous->present.size();
  std::string why;
  out->placement = PlaceAfterDiff(arrival, roster.kind, out->update, out->previous_rows, roster.rows.size(),
                                  options.guard, &why);
  if (out->placement == Placement::Quarantined) {
    out->note = why;
    out->update.events = {Suspicious(roster.kind, why)};
  } else if (accepted_by_hand) {
    // It stays in the history that it looked broken, and who let it in.
    out->note = why.empty() ? "accepted by hand" : why + "; accepted by hand";
    if (!why.empty()) out->update.events.insert(out->update.events.begin(), Suspicious(roster.kind, why));
  }
  return Status::Ok();
}

Status IngestParsed(Store* store, const IngestInput& input, const ParsedRoster& parsed,
                    const IngestOptions& options, IngestOutcome* out) {
  return IngestHashed(store, input, Sha256Hex(input.bytes), &parsed, options, out);
}

namespace {

Status IngestNew(Store* store, const IngestInput& input, std::string sha256, const ParsedRoster& parsed,
                 const IngestOptions& options, IngestOutcome* out) {
  SnapshotRecord record;
  record.sha256 = std::move(sha256);
  Status s;
  const PackedRoster& roster = parsed.roster;
  record.bytes = input.bytes;
  record.source_name = input.source_name;
  record.source_url = input.source_url;
  record.source = input.source;
  record.observed_at = input.observed_at.empty() ? NowUtc() : input.observed_at;
  record.published_at = parsed.published_at;
  if (record.published_at.empty()) record.published_at = input.http_last_modified;
  if (record.published_at.empty()) record.published_at = record.observed_at;
  record.roster = &roster;
  out->list = roster.kind;
  out->rows = roster.rows.size();
  out->published_at = record.published_at;
  out->warnings = roster.warnings;

  Placed placed;
  if (!(s = PlacePublication(store, roster, record.published_at, false, options, &placed)).ok()) return s;
  out->result = placed.placement;
  out->note = record.note = placed.note;
  out->previous_rows = placed.previous_rows;
  std::vector<ChangeEvent>& events = placed.update.events;
  if (placed.placement == Placement::Accepted)  // after the diff's own, as their ids and uids always were
    events.insert(events.end(), input.page_events.begin(), input.page_events.end());
  std::vector<AlertRoute> routes = RoutesFor(events, options.alerts);
  std::vector<ChangeEvent> recorded = events;  // the update goes to the store
  if (!(s = store->Record(record, StatusOf(placed.placement), std::move(placed.update), &out->snapshot_id, routes)).ok())
    return s;
  out->events = std::move(recorded);
  return Status::Ok();
}

}  // namespace

}  // namespace icetrack
