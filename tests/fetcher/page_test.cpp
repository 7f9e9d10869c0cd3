// ParsePage on the real captures of ice.gov's 287(g) page (fixtures/pages):
// links and classifications as SOURCES.md lists them, totals as
// asof_counts.tsv states them, and the 2024 HTML roster table.
#include "fetcher/page.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "fetcher/html_cost.h"
#include "tests/support/fixtures.h"
#include "tests/support/text_rows.h"

namespace icetrack {
namespace {

const char* const kPageUrl = "https://www.ice.gov/identify-and-arrest/287g";
const char* const kDoclib = "https://www.ice.gov/doclib/about/offices/ero/287g/";

std::string PagesDir() { return test::FixturesDir() + "/pages/"; }

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read ", path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Page ParseCapture(const std::string& file) {
  Page page;
  Status s = ParsePage(ReadText(PagesDir() + file), kPageUrl, &page);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return page;
}

// One line of asof_counts.tsv, by column name.
using TsvRow = std::map<std::string, std::string>;

std::vector<TsvRow> ReadAsOfCounts() {
  std::istringstream in(ReadText(PagesDir() + "asof_counts.tsv"));
  auto split = [](const std::string& line) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));  // getline would drop an empty last field
    return fields;
  };
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names = split(line);
  std::vector<TsvRow> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields = split(line);
    TsvRow row;
    for (size_t i = 0; i < names.size(); ++i) row[names[i]] = i < fields.size() ? fields[i] : "";
    rows.push_back(row);
  }
  return rows;
}

std::string Count(const std::optional<int>& n) { return n ? std::to_string(*n) : ""; }

void CheckTotals(const AsOfTotals& totals, const TsvRow& want) {
  CHECK(totals.as_of == want.at("asof_text"));
  CHECK(Count(totals.jem) == want.at("jem_count"));
  CHECK(Count(totals.wso) == want.at("wso_count"));
  CHECK(Count(totals.tfm) == want.at("tfm_count"));
  CHECK(Count(totals.total_moas) == want.at("total_moas_if_stated"));
  CHECK(Count(totals.pending) == want.at("pending_count"));
  if (totals.pending) CHECK(totals.pending_as_of == want.at("asof_text"));
}

// Capture time (asof_counts.tsv) -> page file (SOURCES.md).
const std::map<std::string, std::string> kCaptures = {
    {"20241218025939", "2024-12-18_a-html-table_appelson.html"},
    {"20250301180751", "2025-03-01_b-undated-xlsx_appelson.html"},
    {"20250314231029", "2025-03-14_c-dated-xlsx_appelson.html"},
    {"20250606123832", "2025-06-06_c-dated-xlsx_appelson.html"},
};

TEST_CASE("the captures' workbook links and their lists, as SOURCES.md lists them") {
  REQUIRE_FIXTURES();
  const std::map<std::string, std::pair<std::string, std::string>> want = {
      {"2025-03-01_b-undated-xlsx_appelson.html",
       {"participatingAgencies.xlsx", "pendingAgencies.xlsx"}},
      {"2025-03-14_c-dated-xlsx_appelson.html",
       {"participatingAgencies03142025am.xlsx", "pendingAgencies03113025am.xlsx"}},
      {"2025-06-06_c-dated-xlsx_appelson.html",
       {"participatingAgencies06052025pm.xlsx", "pendingAgencies06052025pm.xlsx"}},
  };
  for (const auto& entry : want) {
    const auto& [file, names] = entry;
    CAPTURE(entry.first);  // (clang 14 cannot capture a structured binding)
    Page page = ParseCapture(file);
    REQUIRE(page.workbooks.size() == 2);
    CHECK(page.workbooks[0].url == kDoclib + names.first);
    CHECK(page.workbooks[0].text == "View 287(g) Participating Agencies");
    CHECK(page.workbooks[0].list == WorkbookList::Participating);
    CHECK(page.workbooks[1].url == kDoclib + names.second);
    CHECK(page.workbooks[1].text == "View 287(g) Pending Agencies");
    CHECK(page.workbooks[1].list == WorkbookList::Pending);
    CHECK(page.roster_table.empty());  // the table is read only when there are no links
  }
}

TEST_CASE("the captures' totals equal asof_counts.tsv, and its hrefs equal the links") {
  REQUIRE_FIXTURES();
  std::vector<TsvRow> rows = ReadAsOfCounts();
  REQUIRE(rows.size() == 5);
  int pages_checked = 0;
  for (const TsvRow& want : rows) {
    CAPTURE(want.at("capture_timestamp"));
    // The verbatim sentences alone give the totals (this also covers 17 Mar 2025, not captured).
    CheckTotals(ReadAsOfTotals({want.at("participating_sentence_verbatim"),
                                want.at("pending_sentence_verbatim")}),
                want);
    auto capture = kCaptures.find(want.at("capture_timestamp"));
    if (capture == kCaptures.end()) continue;
    Page page = ParseCapture(capture->second);
    CheckTotals(page.totals, want);
    CHECK(page.totals.participating_text == want.at("participating_sentence_verbatim"));
    CHECK(page.totals.pending_text == want.at("pending_sentence_verbatim"));
    if (!page.workbooks.empty()) {
      CHECK(page.workbooks[0].url == want.at("participating_href"));
      CHECK(page.workbooks[1].url == want.at("pending_href"));
    }
    ++pages_checked;
  }
  CHECK(pages_checked == 4);
}

TEST_CASE("the captures' update times") {
  REQUIRE_FIXTURES();
  CHECK(ParseCapture("2024-12-18_a-html-table_appelson.html").modified_time ==
        "2024-12-17T07:44:18-05:00");
  CHECK(ParseCapture("2025-03-14_c-dated-xlsx_appelson.html").modified_time ==
        "2025-03-14T15:26:38-04:00");
}

TEST_CASE("the 2024 page: no workbook link, the roster as an HTML table") {
  REQUIRE_FIXTURES();
  Page page = ParseCapture("2024-12-18_a-html-table_appelson.html");
  CHECK(page.workbooks.empty());
  REQUIRE(page.roster_table.size() == 136);
  const TableRow& header = page.roster_table[0];
  CHECK(header.row == 1);
  std::vector<std::string> names;
  for (const Cell& cell : header.cells) names.emplace_back(cell.Text());
  CHECK(names == std::vector<std::string>{"STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE",
                                          "SIGNED", "MOA"});
  std::map<std::string, int> support;
  int links = 0;
  for (size_t i = 1; i < page.roster_table.size(); ++i) {
    const TableRow& row = page.roster_table[i];
    CHECK(row.row == static_cast<int>(i) + 1);
    for (const Cell& cell : row.cells) {
      if (cell.column == 2) ++support[std::string(cell.Text())];
      if (cell.column == 4 && cell.hyperlink.rfind("https://www.ice.gov/doclib/287gMOA/", 0) == 0)
        ++links;
    }
  }
  CHECK(support["Jail Enforcement Model"] == 60);
  CHECK(support["Warrant Service Officer"] == 75);
  CHECK(support.size() == 2);
  CHECK(links == 135);
  const TableRow& first = page.roster_table[1];
  REQUIRE(first.cells.size() == 5);
  CHECK(first.cells[0].Text() == "ALABAMA");
  CHECK(first.cells[1].Text() == "Etowah County Sheriff's Office");
  CHECK(first.cells[3].Text() == "2020-06-09");
  CHECK(first.cells[4].Text() == "link");
}

TEST_CASE("the 2024 page's kept table reads back to its rows, cell for cell, from anywhere") {
  REQUIRE_FIXTURES();
  Page page = ParseCapture("2024-12-18_a-html-table_appelson.html"), kept;
  CHECK(page.roster_table_html.rfind("<base href=\"" + std::string(kPageUrl) + "\">\n<table", 0) == 0);
  REQUIRE(ParsePage(page.roster_table_html, "https://example.org/rebuilt", &kept).ok());
  REQUIRE(kept.roster_table.size() == page.roster_table.size());
  for (size_t i = 0; i < page.roster_table.size(); ++i)
    CHECK(test::RowDifference(kept.roster_table[i], page.roster_table[i]) == "");
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
    text.replace(at, from.size(), to);
  return text;
}

TEST_CASE("the 2026 Drupal layout, built from a capture: links by number") {
  REQUIRE_FIXTURES();
  std::string html = ReadText(PagesDir() + "2025-06-06_c-dated-xlsx_appelson.html");
  html = ReplaceAll(html, std::string(kDoclib) + "participatingAgencies06052025pm.xlsx",
                    "/file-download/download/public/209067");
  html = ReplaceAll(html, std::string(kDoclib) + "pendingAgencies06052025pm.xlsx",
                    "https://www.ice.gov/file-download/download/public/209068");
  Page page;
  REQUIRE(ParsePage(html, kPageUrl, &page).ok());
  REQUIRE(page.workbooks.size() == 2);
  CHECK(page.workbooks[0].url == "https://www.ice.gov/file-download/download/public/209067");
  CHECK(page.workbooks[0].list == WorkbookList::Participating);
  CHECK(page.workbooks[1].url == "https://www.ice.gov/file-download/download/public/209068");
  CHECK(page.workbooks[1].list == WorkbookList::Pending);
}

TEST_CASE("a capture without its pending section still parses") {
  REQUIRE_FIXTURES();
  std::string html = ReadText(PagesDir() + "2025-06-06_c-dated-xlsx_appelson.html");
  size_t from = html.find("<h3>287(g) Pending Agencies</h3>");
  size_t to = html.find("</p>", html.find("pendingAgencies06052025pm.xlsx"));
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  html.erase(from, to + 4 - from);
  Page page;
  REQUIRE(ParsePage(html, kPageUrl, &page).ok());
  REQUIRE(page.workbooks.size() == 1);
  CHECK(page.workbooks[0].list == WorkbookList::Participating);
  CHECK(page.totals.jem == 102);
  CHECK_FALSE(page.totals.pending.has_value());
}

TEST_CASE("ParsePage: only a bad page URL is an error") {
  Page page;
  CHECK_FALSE(ParsePage("<p>x</p>", "/identify-and-arrest/287g", &page).ok());
  CHECK(ParsePage("<p>x</p>", "file:///tmp/287g.html", &page).message() ==
        "page URL is not an absolute http(s) URL: \"file:///tmp/287g.html\"");
  Status s = ParsePage("", kPageUrl, &page);
  CHECK(s.ok());
  CHECK(page.workbooks.empty());
  CHECK(page.roster_table.empty());
  CHECK(page.totals.as_of.empty());
  CHECK(ParsePage("<html><body><p>Blocked</p>", kPageUrl, &page).ok());
}

TEST_CASE("a roster table whose kept markup would cost too much to read again is refused") {
  // The page leaves its <span>s open; the kept markup closes each one, which
  // doubles the work of reading it: under the budget on the page, over it alone.
  std::string html = "<table><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>OHIO</td><td>";
  for (int i = 0; i < 5500; ++i) html += "<span>";
  html += "Butler";
  REQUIRE(EstimateHtmlTreeWork(html, kMaxTreeWork).work < kMaxTreeWork);
  Page page;
  Status s = ParsePage(html, kPageUrl, &page);
  CHECK(s.message() == std::string(kPageUrl) + ": the page's roster table, kept on its own, nests its markup too "
                       "deeply to be read again in bounded time (over 20000000 units of parsing work)");
  CHECK(page.roster_table.empty());
  CHECK(page.roster_table_html.empty());
  // A snapshot's own bytes read again (rebuild) write no markup, so nothing
  // that was kept before the markup was checked stops a rebuild.
  Status again = ParsePage(html, kPageUrl, &page, TableMarkup::Skip);
  CHECK(again.ok());
  CHECK(page.roster_table.size() == 2);
  CHECK(page.roster_table_html.empty());
}

TEST_CASE("found by review: a roster table whose kept markup would be over the page cap is refused") {
  // Every '&' is kept as "&amp;": a 3.5 MiB page, 17.5 MiB of markup.
  std::string html = "<table><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>OHIO</td><td>" +
                     std::string(3500 * 1024, '&') + "</td></tr></table>";
  Page page;
  Status s = ParsePage(html, kPageUrl, &page);
  CHECK(s.message() == std::string(kPageUrl) + ": the page's roster table, kept on its own, would be over 16 MiB");
  CHECK(page.roster_table.empty());
  CHECK(page.roster_table_html.empty());
  CHECK(ParsePage(html, kPageUrl, &page, TableMarkup::Skip).ok());
  CHECK(page.roster_table.size() == 2);
}

}  // namespace
}  // namespace icetrack
