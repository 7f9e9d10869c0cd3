// Fuzz target: the 287(g) page (link discovery, the As-of totals, the update
// time, the HTML roster table). Invariants: links are absolute http(s)
// workbook URLs without fragment, each once; the page is parsed in bounded
// time (libFuzzer's -timeout catches a stall); counts are never negative;
// the roster table's kept markup, read as a rebuild reads it (ParsePage, from
// another URL), gives the same rows, cell for cell, each under the same
// heading (what a rebuild reads is what the run read).
// Seeds: the fixture pages (scripts/fuzz.sh).
#include <set>

#include "fetcher/page.h"
#include "model/ascii_text.h"
#include "model/text_fold.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/support/text_rows.h"

namespace {

bool IsAbsoluteHttp(const std::string& url) {
  std::string lower = icetrack::LowerAscii(url.substr(0, 8));
  return (lower.rfind("http://", 0) == 0 && url.size() > 7) || (lower.rfind("https://", 0) == 0 && url.size() > 8);
}

void CheckCount(const std::optional<int>& count) { FUZZ_CHECK(!count || *count >= 0); }

void CheckReadsBack(const icetrack::Page& page) {
  icetrack::Page kept;
  FUZZ_CHECK(icetrack::ParsePage(page.roster_table_html, "https://example.org/rebuilt", &kept).ok());
  FUZZ_CHECK(kept.workbooks.empty());
  FUZZ_CHECK(kept.roster_table.size() == page.roster_table.size());
  for (size_t i = 0; i < kept.roster_table.size() && i < page.roster_table.size(); ++i)
    FUZZ_CHECK(icetrack::test::RowDifference(kept.roster_table[i], page.roster_table[i]).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  icetrack::Page page;
  std::string html(icetrack::fuzz::Text(data, size));
  icetrack::Status s = icetrack::ParsePage(html, "https://www.ice.gov/identify-and-arrest/287g", &page);
  if (!s.ok()) {
    FUZZ_CHECK(s.message().rfind("https://www.ice.gov/identify-and-arrest/287g: ", 0) == 0);
    return 0;
  }
  std::set<std::string> urls;
  for (const icetrack::WorkbookLink& link : page.workbooks) {
    FUZZ_CHECK(IsAbsoluteHttp(link.url));
    FUZZ_CHECK(icetrack::IsWorkbookUrl(link.url));
    FUZZ_CHECK(link.url.find('#') == std::string::npos);
    FUZZ_CHECK(urls.insert(link.url).second);
  }
  for (const auto* count : {&page.totals.jem, &page.totals.wso, &page.totals.tfm, &page.totals.total_moas,
                            &page.totals.pending})
    CheckCount(*count);
  FUZZ_CHECK(page.workbooks.empty() || page.roster_table.empty());
  for (const icetrack::TableRow& row : page.roster_table) {
    int last = -1;
    for (const icetrack::Cell& cell : row.cells) {
      FUZZ_CHECK(cell.column > last);
      last = cell.column;
    }
    FUZZ_CHECK(row.context.size() <= 200);
  }
  if (!page.roster_table.empty()) CheckReadsBack(page);
  return 0;
}
