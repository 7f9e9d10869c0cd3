// Ingest: one workbook, from bytes to stored snapshot and events. Shared by
// `import` (files), `run` (downloads), `accept` and `rebuild` (stored bytes).
// Wires parser -> diff -> store; where a publication goes (duplicate, late,
// quarantined, accepted) is diff/publication.h's rule, not decided here.
// `run` reads first and records after (ParseWorkbook / RosterFromPage, then
// IngestParsed), so that it can order a cycle's lists and check their totals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "alerts/alert_target.h"
#include "diff/guard.h"
#include "diff/publication.h"
#include "diff/roster_diff.h"
#include "fetcher/page.h"
#include "model/change_event.h"
#include "model/status.h"
#include "parser/zip_archive.h"
#include "store/store.h"

namespace icetrack {

struct IngestInput {
  std::string bytes;
  std::string source_name;        // file name, kept with the snapshot
  std::string label;              // names the workbook in messages; source_name when empty
  std::string source_url;         // empty for local files
  SnapshotSource source = SnapshotSource::Imported;
  std::string http_last_modified; // ISO-8601, used when the workbook has no modified time
  std::string observed_at;        // ISO-8601; now when empty
  // Events about this publication that the page gave, not the workbook
  // (totals_mismatch): recorded with the snapshot, in its transaction, when
  // it is accepted, and dropped otherwise. Recorded after it, a kill in
  // between would lose them for good: the next run finds the workbook stored
  // and reads it no more.
  std::vector<ChangeEvent> page_events;
};

struct IngestOptions {
  DiffOptions diff;
  GuardOptions guard;
  ZipLimits limits;
  // Targets told of the events recorded (app/alert_routing.h); none for a
  // plain `import`, `rebuild` or `accept --no-alert`.
  std::vector<AlertTarget> alerts;
};

struct IngestOutcome {
  Placement result = Placement::Accepted;
  int64_t snapshot_id = 0;
  ListKind list = ListKind::Participating;
  std::string published_at;
  size_t rows = 0;
  size_t previous_rows = 0;
  std::vector<ChangeEvent> events;
  std::string note;           // why quarantined or late
  std::vector<Warning> warnings;
};

// A parse failure leaves the store untouched and comes back as the Status.
Status Ingest(Store* store, const IngestInput& input, const IngestOptions& options, IngestOutcome* out);

// A roster read from its source, before the store sees it.
struct ParsedRoster {
  PackedRoster roster;
  std::string published_at;  // ISO-8601 UTC as the source itself states it; "" when it does not
};

// Reads the roster of the workbook in `bytes` (`label` names it in messages).
// Never touches the store.
Status ParseWorkbook(const std::string& bytes, const std::string& label, const ZipLimits& limits,
                     ParsedRoster* out);

// The file name a snapshot of a page's roster table keeps.
inline constexpr char kPageTableName[] = "287g-table.html";

// Reads the roster table of the 287(g) page in its pre-2025 layout;
// published_at is the page's own update time when it states one with a time
// of day. Fails (naming `page_url`) when the page holds no roster table. A
// snapshot of such a roster keeps Page::roster_table_html as its bytes.
Status RosterFromPage(const Page& page, const std::string& page_url, ParsedRoster* out);

// Whether kept bytes are a workbook (a zip), not a page's roster table.
bool IsStoredWorkbook(std::string_view bytes);
// Reads a stored snapshot's bytes again: a workbook, or the page table it was read from.
Status ParseStored(const SnapshotInfo& info, const std::string& bytes, const ZipLimits& limits,
                   ParsedRoster* out);

// Records a roster already read from input.bytes, which the store keeps as
// its source; outcomes as for Ingest (Duplicate when those bytes are stored).
Status IngestParsed(Store* store, const IngestInput& input, const ParsedRoster& parsed,
                    const IngestOptions& options, IngestOutcome* out);
// As Ingest, for bytes already hashed (`sha256`, as Sha256Hex gives it) and,
// when `parsed` is not null, already read: a duplicate is found by the
// digest, anything else is read here only when it was not read before.
Status IngestHashed(Store* store, const IngestInput& input, const std::string& sha256, const ParsedRoster* parsed,
                    const IngestOptions& options, IngestOutcome* out);

// Where a publication of `roster` published at `published_at` goes, and, when
// it is diffed, its update (for a quarantined one: one suspicious_snapshot
// event; for one a reviewer accepted, that event still comes first). Reads the
// store, never writes it.
struct Placed {
  Placement placement = Placement::Accepted;
  ListUpdate update;
  std::string note;  // why quarantined or late
  size_t previous_rows = 0;
};
Status PlacePublication(Store* store, const PackedRoster& roster, const std::string& published_at, bool accepted_by_hand,
                        const IngestOptions& options, Placed* out);

// "2026-02-13T17:11:20Z" for now.
std::string NowUtc();

// "12 signed, 3 missing, 1 corrected" (empty when none).
std::string SummarizeEvents(const std::vector<ChangeEvent>& events);

}  // namespace icetrack
