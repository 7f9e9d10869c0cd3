#include "report/history_export.h"

#include <doctest/doctest.h>

#include "report/html_report.h"

namespace icetrack {
namespace {

RosterEntry Entry(const char* state, const char* agency, Model model) {
  RosterEntry e;
  e.row.state_code = state;
  e.row.agency = agency;
  e.row.model = model;
  return e;
}

HistoryExport Two() {
  HistoryExport h;
  h.at = "2025-05-19T23:59:59Z";
  h.roster.entries = {Entry("FL", "Polk County Sheriff's Office", Model::JEM),
                      Entry("FL", "Polk County Sheriff's Office", Model::TFM), Entry("TX", "Hays County", Model::TFM),
                      Entry("", "Nowhere Police", Model::Unknown)};
  h.pending_entries = {Entry("TX", "Tye Police Department", Model::TFM)};
  SnapshotInfo s;
  s.id = 7;
  s.published_at = "2025-05-19T13:00:00Z";
  s.source_name = "p.xlsx";
  s.rows = 4;
  s.jem = 1;
  s.tfm = 2;
  s.no_model = 1;
  h.timeline = {s};
  return h;
}

TEST_CASE("counts: a state a line, most agreements first and no state last among equals, by model, agencies once, pending, then the total") {
  auto rows = CountsRows(Two());
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"FL", "Florida", "1", "1", "0", "0", "2", "1", "0"});
  CHECK(rows[1] == std::vector<std::string>{"TX", "Texas", "0", "1", "0", "0", "1", "1", "1"});
  CHECK(rows[2] == std::vector<std::string>{"??", "", "0", "0", "0", "1", "1", "1", "0"});
  CHECK(rows[3] == std::vector<std::string>{"", "total", "1", "2", "0", "1", "4", "3", "1"});
}

TEST_CASE("the JSON export: counts and timeline as numbers, since null when open") {
  std::string text = ExportJsonText(Two());
  CHECK(text.back() == '\n');
  auto j = nlohmann::json::parse(text);
  CHECK(j["since"].is_null());
  CHECK(j["counts"][0]["agreements"] == 2);
  CHECK(j["counts"][3]["state"] == "total");
  CHECK(j["timeline"][0]["snapshot"] == 7);
  CHECK(j["timeline"][0]["published_at"] == "2025-05-19T13:00:00Z");
  CHECK(j["roster"]["count"] == 4);
}

TEST_CASE("the workbook's sheets, the CSV files and the format names") {
  auto tables = ExportTables(Two());
  REQUIRE(tables.size() == 4);
  CHECK(tables[0].sheet == "Changes");
  CHECK(tables[2].rows.size() == 4);
  CHECK(tables[3].columns[0].kind == XlsxKind::Time);
  auto files = ExportCsvFiles(Two());
  REQUIRE(files.size() == 4);
  CHECK(files[2].first == "counts.csv");
  CHECK(files[2].second.rfind("\xEF\xBB\xBFstate_code,state,JEM,TFM,WSO,unknown_model,agreements,agencies,pending\r\n"
                              "FL,Florida,1,1,0,0,2,1,0\r\n", 0) == 0);
  for (ExportFormat f : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::Xlsx, ExportFormat::Atom, ExportFormat::Html}) {
    ExportFormat back;
    REQUIRE(ParseExportFormat(ToString(f), &back));
    CHECK(back == f);
  }
  ExportFormat none;
  CHECK_FALSE(ParseExportFormat("CSV", &none));
}

TEST_CASE("the HTML index: its numbers, escaped text, a page a state with rows") {
  HistoryExport h = Two();
  h.roster.entries[2].row.agency = "Hays <script>alert(1)</script>";
  StoredEvent e;
  e.id = 1;
  e.at = "2025-05-19T13:00:00Z";
  e.event.kind = EventKind::Signed;
  e.event.state_code = "TX";
  e.event.agency = "Hays <b>";
  e.event.model = Model::TFM;
  h.events = {e};
  std::string html = HtmlIndex(h, HtmlOptions());
  CHECK(html.find("data-stat=\"agreements\">4<") != std::string::npos);
  CHECK(html.find("data-stat=\"agencies\">3<") != std::string::npos);
  CHECK(html.find("data-stat=\"pending\">1<") != std::string::npos);
  CHECK(html.find("data-stat=\"signed_7d\">1<") != std::string::npos);
  CHECK(html.find("data-tile=\"FL\">2<") != std::string::npos);
  CHECK(html.find("Hays &lt;b&gt;") != std::string::npos);
  CHECK(html.find("<b>\"") == std::string::npos);
  CHECK(html.find("href=\"state/") == std::string::npos);  // one file: no links to pages that are not there
  HtmlOptions site;
  site.site = true;
  CHECK(HtmlIndex(h, site).find("href=\"state/TX.html\"") != std::string::npos);
  CHECK(HtmlStates(h) == std::vector<std::string>{"FL", "TX"});
  std::string texas = HtmlStatePage(h, "TX", site);
  CHECK(texas.find("<h1>Texas: 287(g) agreements</h1>") != std::string::npos);
  CHECK(texas.find("Hays &lt;script&gt;") != std::string::npos);
  CHECK(texas.find("<script>alert") == std::string::npos);
}

TEST_CASE("the HTML pages say so when the newest publication is over a week older than their date") {
  HistoryExport h = Two();
  h.roster.snapshot = h.timeline[0];
  CHECK(HtmlIndex(h, HtmlOptions()).find("class=\"stale\"") == std::string::npos);
  h.at = "2025-06-09T23:59:59Z";
  std::string html = HtmlIndex(h, HtmlOptions());
  CHECK(html.find("data-stale-days=\"21\">That publication is 21 days old") != std::string::npos);
  CHECK(HtmlStatePage(h, "TX", HtmlOptions()).find("data-stale-days=\"21\"") != std::string::npos);
  CHECK(html.find("the pending applications from") == std::string::npos);  // none published
  SnapshotInfo pending;
  pending.published_at = "2025-02-27T18:23:50Z";
  h.pending = pending;
  CHECK(HtmlIndex(h, HtmlOptions()).find("; the pending applications from that of 2025-02-27") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
