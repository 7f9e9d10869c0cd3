#include "fetcher/html_roster_table.h"

#include <doctest/doctest.h>

#include "fetcher/html_document.h"

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

TEST_CASE("no roster table") {
  CHECK(Table("<p>no tables</p>").empty());
  CHECK(Table("<table><tr><th>MOA Name</th><th>Location</th></tr></table>").empty());
  CHECK(Table("<table></table>").empty());
}

TEST_CASE("the table's markup, verbatim, so that it reads the same on its own") {
  const std::string table =
      "<TABLE class=\"x\"><tr><th>STATE</th><th>AGENCY</th></tr>\n"
      "<tr><td>OHIO</td><td><a href=\"/m.pdf\">Butler</a></td></tr></TABLE>";
  const std::string html = "<html><body><p>Updated today, request 42</p>" + table + "<p>after</p></body></html>";
  HtmlDocument document(html);
  std::string markup;
  std::vector<TableRow> rows = FindRosterTable(document, kPage, &markup);
  CHECK(markup == table);
  HtmlDocument alone(markup);
  std::vector<TableRow> again = FindRosterTable(alone, kPage);
  REQUIRE(again.size() == rows.size());
  CHECK(again[1].cells[1].hyperlink == "https://www.ice.gov/m.pdf");
  // Without an end tag, the table runs to where the parser closed it.
  HtmlDocument open_ended("<table><tr><th>STATE</th><th>AGENCY</th></tr><tr><td>OHIO</td></tr>");
  FindRosterTable(open_ended, kPage, &markup);
  CHECK(markup.rfind("<table><tr><th>STATE</th>", 0) == 0);
  FindRosterTable(HtmlDocument("<p>none</p>"), kPage, &markup);
  CHECK(markup.empty());
}

}  // namespace
}  // namespace icetrack
