#include "fetcher/html_roster_table.h"

#include <doctest/doctest.h>

#include "fetcher/html_document.h"
#include "fetcher/page.h"
#include "tests/support/text_rows.h"

namespace icetrack {
namespace {

const char* const kPage = "https://www.ice.gov/identify-and-arrest/287g";

std::vector<TableRow> Table(const std::string& html) {
  HtmlDocument document(html);
  return FindRosterTable(document, kPage);
}

TEST_CASE("the roster table is found past other tables — rows are faithful") {
  auto rows = Table(R"(
    <table><caption>Steering Committee Meetings FY2025</caption>
      <thead><tr><th>MOA Name</th><th>Meeting Date</th></tr></thead>
      <tbody><tr><th>Floyd County</th><td>2025-01-01</td></tr></tbody></table>
    <table><caption>Mutually Signed Agreements</caption>
      <thead><tr><th> STATE </th><th>LAW ENFORCEMENT
        AGENCY</th><th>SUPPORT TYPE</th><th>SIGNED</th><th>MOA</th></tr></thead>
      <tbody>
        <tr><td scope="row">ALABAMA</td><td>Etowah County Sheriff's Office</td>
            <td>Jail Enforcement Model</td><td>2020-06-09</td>
            <td><a href="/doclib/287gMOA/287gJEM_etowahCoAL_06-09-2020.pdf">link</a></td></tr>
        <tr><td>ALASKA</td><td></td><td>Warrant Service Officer&nbsp;</td><td>2020-07-24</td><td></td></tr>
      </tbody></table>)");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].row == 1);
  REQUIRE(rows[0].cells.size() == 5);
  CHECK(rows[0].cells[0].Text() == "STATE");
  CHECK(rows[0].cells[1].Text() == "LAW ENFORCEMENT AGENCY");
  CHECK(rows[0].cells[1].kind == CellKind::String);
  CHECK(rows[1].row == 2);
  CHECK(rows[1].cells[4].column == 4);
  CHECK(rows[1].cells[4].Text() == "link");
  CHECK(rows[1].cells[4].hyperlink ==
        "https://www.ice.gov/doclib/287gMOA/287gJEM_etowahCoAL_06-09-2020.pdf");
  CHECK(rows[1].cells[0].hyperlink.empty());
  // Empty cells are left out; the others keep their columns. NBSP is text, not whitespace.
  REQUIRE(rows[2].cells.size() == 3);
  CHECK(rows[2].cells[1].column == 2);
  CHECK(rows[2].cells[1].Text() == "Warrant Service Officer\xC2\xA0");
  CHECK(rows[2].cells[2].column == 3);
}

TEST_CASE("colspan moves the following columns — nested tables' rows stay out") {
  auto rows = Table(R"(<table>
      <tr><td>State</td><td>Agency</td><td>Support Type</td></tr>
      <tr><td colspan="2">FLORIDA, all counties</td><td>Task Force Model</td></tr>
      <tr><td>TEXAS</td><td><table><tr><td>inner</td></tr></table></td><td>WSO</td></tr>
    </table>)");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells[1].column == 2);
  CHECK(rows[2].cells[1].Text() == "inner");
  CHECK(rows[2].cells[2].column == 2);
}

TEST_CASE("rowspan repeats a cell into the rows it covers and moves their cells over") {
  auto rows = Table(R"(<table>
      <tr><th>State</th><th>Law Enforcement Agency</th><th>Support Type</th></tr>
      <tr><td rowspan="3">ARIZONA</td><td>Pima County Sheriff's Office</td><td rowspan="2">Jail &amp; Task Force</td></tr>
      <tr><td>Pinal County Sheriff's Office</td></tr>
      <tr><td>Yavapai County Sheriff's Office</td><td>Jail Enforcement</td></tr>
      <tr><td>ARKANSAS</td><td>Benton County Sheriff's Office</td><td rowspan="0">Task Force</td></tr>
      <tr><td>ARKANSAS</td><td>Rogers Police Department</td></tr>
    </table>)");
  REQUIRE(rows.size() == 6);
  auto text = [&](size_t row, size_t i) { return std::string(rows[row].cells.at(i).Text()); };
  REQUIRE(rows[2].cells.size() == 3);
  CHECK(text(2, 0) == "ARIZONA");
  CHECK(rows[2].cells[1].column == 1);
  CHECK(text(2, 1) == "Pinal County Sheriff's Office");
  CHECK(text(2, 2) == "Jail & Task Force");
  CHECK(text(3, 0) == "ARIZONA");
  CHECK(text(3, 2) == "Jail Enforcement");  // the span ended
  CHECK(text(5, 2) == "Task Force");        // rowspan="0": to the table's end
  CHECK(rows[5].cells[2].column == 2);
}

TEST_CASE("title rows may stand above the header, and a table's heading or caption says what it holds") {
  auto rows = Table(R"(<h2>Partnerships</h2><h3>Jail Enforcement Model</h3>
    <table><tr><td colspan="3"><b>287(g) agreements, as of June 2012</b></td></tr>
      <tr><td><b>State</b></td><td><b>Law Enforcement Agency</b></td><td><b>Signed</b></td></tr>
      <tr><td>AL</td><td>Etowah County Sheriff's Office</td><td>7/8/2008</td></tr></table>
    <h3>Task Force Model</h3>
    <table><caption>Task Force Model agreements</caption>
      <tr><td><b>State</b></td><td><b>Law Enforcement Agency</b></td><td><b>Signed</b></td></tr>
      <tr><td>AL</td><td>Alabama Department of Public Safety</td><td>9/10/2003</td></tr></table>
    <h3>Steering committee</h3>
    <table><tr><th>State</th><th>Agency</th><th>Meeting</th></tr><tr><td>AL</td><td>x</td><td>y</td></tr></table>)");
  // The first table from its top; the second of its layout below its header; the third is another layout.
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].cells[0].Text() == "287(g) agreements, as of June 2012");
  CHECK(rows[1].cells[0].Text() == "State");
  CHECK(rows[2].context == "Jail Enforcement Model");
  CHECK(rows[3].row == 4);
  CHECK(rows[3].cells[1].Text() == "Alabama Department of Public Safety");
  CHECK(rows[3].context == "Task Force Model agreements");  // its caption before the heading above it
}

TEST_CASE("the markup of several tables reads the same on its own, headings and all") {
  const std::string html = R"(<html><body><p>Updated today</p><h3>Jail Enforcement Model</h3>
    <table><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>OHIO</td><td>Butler</td></tr></table>
    <p>between</p><h3>Task Force Model</h3>
    <table><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>TEXAS</td><td>Hays</td></tr></table></body></html>)";
  std::string markup;
  std::vector<TableRow> rows = FindRosterTable(HtmlDocument(html), kPage, &markup);
  CHECK(markup.find("Updated today") == std::string::npos);
  CHECK(markup.find("between") == std::string::npos);
  std::vector<TableRow> again = FindRosterTable(HtmlDocument(markup), kPage);
  REQUIRE(again.size() == rows.size());
  REQUIRE(rows.size() == 3);
  for (size_t i = 0; i < rows.size(); ++i) {
    CHECK(again[i].context == rows[i].context);
    CHECK(again[i].cells.size() == rows[i].cells.size());
  }
  CHECK(rows[2].context == "Task Force Model");
}

TEST_CASE("spans that would repeat more than any roster has refuse the page's tables") {
  std::string html = "<table><tr><th>STATE</th><th>AGENCY</th></tr><tr>";
  for (int i = 0; i < 2000; ++i) html += "<td rowspan=\"65534\">x</td>";
  html += "</tr>";
  for (int i = 0; i < 1000; ++i) html += "<tr></tr>";
  CHECK(Table(html + "</table>").empty());
  // Empty spanning cells take slots too: they are counted, not only the ones with text.
  std::string empty = "<table><tr><th>STATE</th><th>AGENCY</th></tr><tr>";
  for (int i = 0; i < 5000; ++i) empty += "<td rowspan=0></td>";
  empty += "</tr>";
  for (int i = 0; i < 1000; ++i) empty += "<tr><td>x</td></tr>";
  CHECK(Table(empty + "</table>").empty());
  // The budget is the page's: many tables do not each get one.
  std::string tables;
  for (int t = 0; t < 40; ++t) {
    tables += "<table><tr><th>STATE</th><th>AGENCY</th></tr><tr>";
    for (int i = 0; i < 300; ++i) tables += "<td rowspan=0></td>";
    tables += "</tr>";
    for (int i = 0; i < 100; ++i) tables += "<tr></tr>";
    tables += "</table>";
  }
  CHECK(Table(tables).empty());
}

TEST_CASE("a long caption is cut, a span ends with its section, a title cell is no header") {
  std::string caption(10000, 'x');
  auto rows = Table("<table><caption>Task Force Model " + caption + "</caption><thead><tr><th rowspan=3>STATE</th>"
                    "<th>AGENCY</th></tr></thead><tbody><tr><td>OHIO</td><td>Butler</td></tr></tbody></table>");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].context.size() == 200);
  CHECK(rows[1].context.rfind("Task Force Model x", 0) == 0);
  REQUIRE(rows[1].cells.size() == 2);
  CHECK(rows[1].cells[0].Text() == "OHIO");  // the header's rowspan stopped at the end of thead
  CHECK(rows[1].cells[0].column == 0);
  CHECK(Table("<table><tr><td>State and local agencies</td></tr><tr><td>OHIO</td></tr></table>").empty());
}

// The rows of `html`, and the rows its kept markup reads back to: the same,
// row for row and cell for cell, or a snapshot rebuilt from the markup would differ.
// Both read as a rebuild reads them (ParsePage), the markup against another
// URL: it names its links' base itself.
void CheckReadsBack(const std::string& html, std::vector<TableRow>* rows) {
  Page page, kept;
  REQUIRE(ParsePage(html, kPage, &page).ok());
  *rows = page.roster_table;
  REQUIRE(!rows->empty());
  REQUIRE(ParsePage(page.roster_table_html, "https://example.org/elsewhere/", &kept).ok());
  const std::vector<TableRow>& again = kept.roster_table;
  REQUIRE(again.size() == rows->size());
  for (size_t i = 0; i < rows->size(); ++i) CHECK(test::RowDifference(again[i], (*rows)[i]) == "");
}

TEST_CASE("a heading closed only by what follows it is kept closed in the markup") {
  std::vector<TableRow> rows;
  CheckReadsBack("<div><h3>Task Force Model</div><table><tr><th>STATE</th><th>AGENCY</th></tr>"
                 "<tr><td>OHIO</td><td>Butler</td></tr></table>", &rows);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].context == "Task Force Model");
  CHECK(rows[1].cells[1].Text() == "Butler");
}

TEST_CASE("a table the page never closes is closed in the markup, so that what follows stays out of it") {
  // A fuzz finding (page_fuzz), minimized: the first table is closed only by
  // the second; read alone, its markup took in the heading moved out of it.
  std::vector<TableRow> rows;
  CheckReadsBack("<table><th>State<th>Law Enforcement Agency<th>Signed</th><h3>a<t><table><th>State"
                 "<th>Law Enforcement Agency<th>Signed<t", &rows);
}

TEST_CASE("a heading cut to its limit keeps no space at the cut, as its markup reads back") {
  // A fuzz finding (page_fuzz): the cut left "... t ", the markup read back "... t".
  std::vector<TableRow> rows;
  CheckReadsBack("<h3>" + std::string(199, 'a') + " b</h3><table><tr><th>STATE</th><th>AGENCY</th></tr>"
                 "<tr><td>OHIO</td><td>Butler</td></tr></table>", &rows);
  CHECK(rows[0].context == std::string(199, 'a'));
}

TEST_CASE("no roster table") {
  CHECK(Table("<p>no tables</p>").empty());
  CHECK(Table("<table><tr><th>MOA Name</th><th>Location</th></tr></table>").empty());
  CHECK(Table("<table></table>").empty());
}

TEST_CASE("the table's markup as the page's parse built it, so that it reads the same on its own") {
  const std::string table =
      "<TABLE class=\"x\"><tr><th>STATE</th><th>AGENCY</th></tr>\n"
      "<tr><td>OHIO</td><td><a href=\"/m.pdf\">Butler</a></td></tr></TABLE>";
  const std::string html = "<html><body><p>Updated today, request 42</p>" + table + "<p>after</p></body></html>";
  HtmlDocument document(html);
  std::string markup;
  std::vector<TableRow> rows = FindRosterTable(document, kPage, &markup);
  CHECK(markup == "<base href=\"https://www.ice.gov/identify-and-arrest/287g\">\n"
                  "<table class=\"x\"><tbody><tr><th>STATE</th><th>AGENCY</th></tr>\n"
                  "<tr><td>OHIO</td><td><a href=\"/m.pdf\">Butler</a></td></tr></tbody></table>");
  HtmlDocument alone(markup);
  std::vector<TableRow> again = FindRosterTable(alone, kPage);
  REQUIRE(again.size() == rows.size());
  CHECK(again[1].cells[1].hyperlink == "https://www.ice.gov/m.pdf");
  // Without an end tag, the table runs to where the parser closed it, and is closed there.
  HtmlDocument open_ended("<table><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>OHIO</td></tr>");
  FindRosterTable(open_ended, kPage, &markup);
  CHECK(markup.substr(markup.find('\n') + 1) ==
        "<table><tbody><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>OHIO</td></tr></tbody></table>");
  FindRosterTable(HtmlDocument("<p>none</p>"), kPage, &markup);
  CHECK(markup.empty());
}

TEST_CASE("what the page's parse moved out of the table stays out of its markup") {
  // A fuzz finding (page_fuzz), minimized: the heading inside the table is
  // moved out in front of it, into a link left open before the table; read
  // from the table's own source, a second heading took the first one's place.
  std::vector<TableRow> rows;
  CheckReadsBack("<h3><a></h3><table><th>State<th>agenc</th><h3>i<h2>", &rows);
  CHECK(rows[0].context == "i");
  // A tag gumbo does not know, after a "</>" the tokenizer dropped (a fuzz finding).
  CheckReadsBack("<table><th>STATE<th>AGENC</><t>", &rows);
  CHECK(rows[0].cells[1].Text() == "AGENC");
  // Text between rows goes out in front of the table, too.
  CheckReadsBack("<h3>Model</h3><table><tr><th>STATE</th><th>AGENCY</th></tr>stray text<tr><td>OHIO</td>"
                 "<td>Butler</td></tr></table>", &rows);
  CHECK(rows[1].context == "Model");
}

TEST_CASE("links read from the kept markup resolve against the page's base") {
  std::vector<TableRow> rows;
  CheckReadsBack("<head><base href=\"/doclib/\"></head><table><tr><th>STATE</th><th>AGENCY</th></tr>"
                 "<tr><td>OHIO</td><td><a href=\"m.pdf?a=1&amp;b=2\">Butler</a></td></tr></table>", &rows);
  CHECK(rows[1].cells[1].hyperlink == "https://www.ice.gov/doclib/m.pdf?a=1&b=2");
  // The page's first <base> counts wherever it stands, inside the table too; the markup names it first.
  CheckReadsBack("<table><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>OHIO<base href=\"https://x.org/\"></td>"
                 "<td><a href=\"m.pdf\">Butler</a></td></tr></table>", &rows);
  CHECK(rows[1].cells[1].hyperlink == "https://x.org/m.pdf");
}

}  // namespace
}  // namespace icetrack
