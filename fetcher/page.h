// Page: what the 287(g) page at https://www.ice.gov/identify-and-arrest/287g
// says, read from its HTML.
//
// Promises: ParsePage reads any HTML (broken markup included, as a browser
// would) into the workbook links, ICE's stated totals, the update time and,
// on the pre-2025 layout without workbook links, the roster table's rows. It
// never fetches anything, never decides whether a page without links or
// totals is acceptable (the caller does: the pending list may vanish), and
// never classifies a workbook for certain (see page_links.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fetcher/as_of_totals.h"
#include "fetcher/page_links.h"
#include "model/status.h"
#include "model/table.h"

namespace icetrack {

struct Page {
  std::vector<WorkbookLink> workbooks;  // page order, de-duplicated
  AsOfTotals totals;                    // ICE's own counts; empty fields when not stated
  std::string modified_time;            // see page_modified_time.h; "" when not stated
  // The roster table (header row first) when the page has no workbook link
  // but holds the roster as an HTML table; empty otherwise.
  std::vector<TableRow> roster_table;
  std::string roster_table_html;  // what a snapshot of that table keeps (see html_roster_table.h)
  // The markup reaches its end: a closing </html> followed by nothing but
  // white space and comments. A page cut short by a connection closed early
  // (with no Content-Length to tell) is not; its validators must not be
  // trusted to stand for the whole page.
  bool complete = false;
};

// Pages are parsed in bounded time: larger than this, or nested so deeply
// that gumbo would take more than about 0.7 s (20 million units at the
// worst 33 ns measured, html_cost.h), they are refused. ICE's page is
// about 0.1 MiB and at most 86,537 units.
constexpr size_t kMaxPageBytes = size_t{16} << 20;
constexpr int64_t kMaxTreeWork = 20000000;

// Whether ParsePage writes the markup a snapshot of the roster table keeps
// (Page::roster_table_html): for a page about to be recorded, not for a
// snapshot's own bytes read again (`rebuild`), which are kept already.
enum class TableMarkup { Write, Skip };

// Reads `html`, fetched from `page_url` (absolute http or https; links
// resolve against it, or against the page's <base href>). Fails when
// `page_url` is not such a URL, the page is over the bounds above, or, when
// it is written, its roster table's kept markup would be (it closes every
// element the page left open and escapes what the page did not, and a
// snapshot must read back); a page with nothing recognisable gives an empty
// Page and OK. `*out` is overwritten.
Status ParsePage(const std::string& html, const std::string& page_url, Page* out,
                 TableMarkup markup = TableMarkup::Write);

}  // namespace icetrack
