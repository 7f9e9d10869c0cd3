// The tracking cycle: one pass of `icetrack run`, from ICE's 287(g) page to
// stored snapshots and change events. Wires fetcher -> parser -> diff -> store.
//
// Promises: never invents a change from a failure. Each workbook stands on
// its own: one that cannot be downloaded or read leaves its list as it was
// (only its fetch is recorded, with the error) while the others go on, and
// nothing derived from a failed or invalid body is stored. A page that
// cannot be fetched, or that holds neither a workbook link nor a roster
// table, leaves the store as it was but for the fetch record. Every request
// is recorded in the fetch log. Requests are conditional, and a 304 is never
// parsed: a 304 for the page still asks (conditionally) for each workbook
// its last complete fetch linked, since ICE has replaced workbooks under
// fixed names; a 304 for a workbook skips it. The page's validators count
// only from a complete fetch: the page read to its end (a page cut short is
// recorded "incomplete", its links followed, a table on it not trusted) and
// every workbook it links handled (else "incomplete" too), so what failed or
// was cut off is read again next time although the page did not change. A
// list the page no longer links (the pending list since 2026) is left as it
// was, never emptied.
// Lists are told apart by their columns, not their links (ICE once swapped
// the files), and recorded participating first, so that a pending application
// that left its list because it was signed counts as approved. ICE's stated
// totals are checked against each newly stored list (a totals_mismatch event,
// not a failure). All waits for retries share one RetryBudget.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ingest.h"
#include "fetcher/as_of_totals.h"
#include "fetcher/page_links.h"
#include "model/ice_page.h"
#include "model/change_event.h"
#include "model/roster.h"
#include "model/status.h"
#include "net/http_client.h"
#include "store/store.h"

namespace icetrack {

enum class PageResult {
  Links,        // the page links workbooks (the layout since Feb 2025)
  Table,        // the page holds the roster as an HTML table (the layout before)
  NotModified,  // 304: the workbooks it linked were asked for again
  FetchFailed,  // no usable response (or a table page cut short)
  NoRoster,     // neither a workbook link nor a roster table
};
const char* ToString(PageResult result);  // "links", "table", "not_modified", "fetch_error", "no_roster"

enum class WorkbookResult {
  Stored, Late, Quarantined,  // a new snapshot (see diff/publication.h)
  Duplicate,                  // these bytes were stored before
  NotModified,                // 304
  FetchFailed, NotAWorkbook,  // nothing usable arrived
  ParseFailed,                // it arrived but could not be read
};
// "stored", "late", "quarantined", "duplicate", "not_modified", "fetch_error",
// "not_a_workbook", "parse_error"
const char* ToString(WorkbookResult result);
// Nothing usable came of it: a download, the response or its reading failed.
bool Failed(WorkbookResult result);

struct PageReport {
  std::string url, final_url;
  long status = 0;              // 0 when no response arrived
  PageResult result = PageResult::FetchFailed;
  std::string error;            // one line, for FetchFailed, NoRoster and a page cut short
  bool cut_short = false;       // the page ended before </html> (see Page::complete)
  std::string modified_time;    // as the page states it
  AsOfTotals totals;
};

// One workbook linked from the page, or the page's own roster table.
struct WorkbookReport {
  std::string url;                                 // as linked (the page URL for its table)
  std::string file_name;
  WorkbookList linked_as = WorkbookList::Unknown;  // the page's hint
  std::optional<ListKind> list;                    // its columns (or its stored snapshot's)
  WorkbookResult result = WorkbookResult::FetchFailed;
  int64_t snapshot_id = 0;                         // the snapshot it is or gave, 0 for none
  size_t rows = 0, previous_rows = 0;
  std::string published_at;
  std::vector<ChangeEvent> events;                 // recorded now, totals_mismatch included
  size_t warnings = 0;                             // values kept raw (see model/roster.h)
  std::string note;                                // why quarantined or late
  std::string error;                               // one line, for failures
};

struct CycleReport {
  std::string started_at, finished_at;
  PageReport page;
  std::vector<WorkbookReport> workbooks;  // page order
  std::vector<ListKind> not_linked;       // lists the page did not link (links layout only)
  std::vector<ChangeEvent> notices;       // about the source: source_failing, source_recovered

  bool fetch_failed() const;  // the page, or a workbook, could not be downloaded
  bool parse_failed() const;  // the page, or a downloaded workbook, could not be read
  // The error lines, page first.
  std::vector<std::string> errors() const;
};

struct CycleOptions {
  std::string page_url = kIcePageUrl;
  std::chrono::milliseconds retry_budget{300000};  // for all of the cycle's waits
  IngestOptions ingest;
};

// Runs one cycle with `client` against `store`. Download and parse failures
// are in `*out` (overwritten); the Status fails only when the store does, and
// then the cycle stops where it was.
Status RunTrackingCycle(Store* store, const HttpClient& client, const CycleOptions& options,
                        CycleReport* out);

}  // namespace icetrack
