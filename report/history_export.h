// What `icetrack export` and the report site write: the roster of a date,
// the change log since a date, the counts by state and model, and the counts
// per model of every publication (the timeline), as CSV (report/csv.h), one
// JSON document (docs/export.schema.json) or the tables of a workbook
// (report/xlsx_tables.h).
//
// Promises: every number comes from the roster and the publications given;
// the same columns in every format. Formats only; never throws.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/roster_entry.h"
#include "model/snapshot_info.h"
#include "model/stored_event.h"
#include "report/roster_listing.h"
#include "report/xlsx_tables.h"

namespace icetrack {

// What `icetrack export --format` writes: "csv" (a folder of files), "json",
// "xlsx", "atom" or "html" (a file each).
enum class ExportFormat { Csv, Json, Xlsx, Atom, Html };
const char* ToString(ExportFormat format);
bool ParseExportFormat(std::string_view text, ExportFormat* out);  // exact, lower case

// icetrack's copy of a document the roster links (`--archive-moa`), as the
// report site keeps it.
struct LocalDocument {
  std::string sha256;  // of the copy: the newest PDF the link served
  std::string path;    // in the site: "moa/3f2a9c1b7d4e_PolkCoFL_TFM_MOA.pdf"
};

struct HistoryExport {
  std::string at;     // the last instant counted, ISO-8601 UTC
  std::string since;  // the change log's first instant; "" = from the start
  RosterListing roster;                 // the participating list as of `at`
  std::optional<SnapshotInfo> pending;  // the pending list as of `at`
  std::vector<RosterEntry> pending_entries;
  std::vector<SnapshotInfo> timeline;   // accepted participating publications up to `at`, oldest first
  std::vector<StoredEvent> events;      // the change log from `since` to `at`, oldest first
  std::map<std::string, LocalDocument> documents;  // kept copies, by the URL the roster links
};

// "state_code", "state", "JEM", "TFM", "WSO", "unknown_model", "agreements",
// "agencies", "pending": a state a line, most agreements first, then "total".
const std::vector<std::string>& CountsColumns();
std::vector<std::vector<std::string>> CountsRows(const HistoryExport& h);
// "published_at", "snapshot", "source_name", "agreements", "JEM", "TFM",
// "WSO", "unknown_model": a publication a line, oldest first.
const std::vector<std::string>& TimelineColumns();
std::vector<std::vector<std::string>> TimelineRows(const HistoryExport& h);

// CSV files by name: "roster.csv", "changes.csv", "counts.csv", "timeline.csv".
std::vector<std::pair<std::string, std::string>> ExportCsvFiles(const HistoryExport& h);
// {"at", "since", "roster": (roster.schema.json), "changes": [(events.schema.json)],
//  "counts": [{column: value}], "timeline": [{column: value}]}
// (docs/export.schema.json), laid out as `log --json` is, a newline at the
// end. Written straight into the text: the tree of a full history's 17,000
// events cost more than all the rest of the export (docs/PERFORMANCE.md).
std::string ExportJsonText(const HistoryExport& h);
// The sheets Changes, Roster, Counts and Timeline.
std::vector<XlsxTable> ExportTables(const HistoryExport& h);

}  // namespace icetrack
