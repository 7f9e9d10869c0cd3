// Workbook links on small hand-written pages: the layouts the real captures
// do not show (relative links, Drupal downloads, changed buttons, one list).
#include "fetcher/page_links.h"

#include <doctest/doctest.h>

#include "fetcher/html_document.h"

namespace icetrack {
namespace {

const char* const kPage = "https://www.ice.gov/identify-and-arrest/287g";

std::vector<WorkbookLink> Links(const std::string& html) {
  HtmlDocument document(html);
  return FindWorkbookLinks(document, DocumentBaseUrl(document, kPage));
}

TEST_CASE("relative links are made absolute against the page") {
  auto links = Links(R"(
    <h2>287(g) Participating Agencies</h2>
    <p><a href="/doclib/about/offices/ero/287g/participatingAgencies03172025pm.xlsx">View 287(g) Participating Agencies</a></p>
    <h3>287(g) Pending Agencies</h3>
    <p><a href="../doclib/pendingAgencies03172025pm.XLSX?v=1#top">View 287(g) Pending Agencies</a></p>)");
  REQUIRE(links.size() == 2);
  CHECK(links[0].url ==
        "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies03172025pm.xlsx");
  CHECK(links[0].text == "View 287(g) Participating Agencies");
  CHECK(links[0].list == WorkbookList::Participating);
  CHECK(links[1].url == "https://www.ice.gov/doclib/pendingAgencies03172025pm.XLSX?v=1");
  CHECK(links[1].list == WorkbookList::Pending);
}

TEST_CASE("Drupal downloads count as workbooks — the PDFs and other links do not") {
  auto links = Links(R"(
    <ul><li><a href="https://www.ice.gov/doclib/about/offices/ero/287g/factsheet287g.pdf">287(g) Facts</a></li>
    <li><a href="/identify-and-arrest/287g-archive">Archive</a></li>
    <li><a href="/file-download/download/public/209066.pdf">A PDF</a></li>
    <li><a href="mailto:ERO287g@ice.dhs.gov">Mail</a></li></ul>
    <a class="usa-button" href="/file-download/download/public/209067">View 287(g) Participating Agencies</a>
    <a class="usa-button" href="https://www.ice.gov/file-download/download/public/209068/">View 287(g) Pending Agencies</a>)");
  REQUIRE(links.size() == 2);
  CHECK(links[0].url == "https://www.ice.gov/file-download/download/public/209067");
  CHECK(links[0].list == WorkbookList::Participating);
  CHECK(links[1].url == "https://www.ice.gov/file-download/download/public/209068/");
  CHECK(links[1].list == WorkbookList::Pending);
}

TEST_CASE("a page whose button classes changed but whose link text did not") {
  auto links = Links(R"(
    <div class="ice-cta ice-cta--primary"><a class="btn btn-primary btn-lg" role="button"
       href="https://www.ice.gov/doclib/about/offices/ero/287g/ParticipatingAgency091826am.xlsx">
       <span class="icon"></span> View 287(g)
       <strong>Participating</strong> Agencies</a></div>)");
  REQUIRE(links.size() == 1);
  CHECK(links[0].text == "View 287(g) Participating Agencies");
  CHECK(links[0].list == WorkbookList::Participating);
}

TEST_CASE("the participating link only: no pending list is not an error") {
  auto links = Links(R"(<h3>287(g) Participating Agencies</h3><p>As of ...</p>
    <p><a href="/doclib/about/offices/ero/287g/participatingAgencies04232026.xlsx">View 287(g) Participating Agencies</a></p>)");
  REQUIRE(links.size() == 1);
  CHECK(links[0].list == WorkbookList::Participating);
}

TEST_CASE("a reference that names no host is no workbook link") {
  // A fuzz finding (page_fuzz): "http:.xlsx" resolves to itself, an http URL without a host.
  auto links = Links(R"(<a href="http:.xlsx">x</a><a href="https:x/participating.xlsx">y</a>
                        <a href="/doclib/a.xlsx">z</a>)");
  REQUIRE(links.size() == 1);
  CHECK(links[0].url == "https://www.ice.gov/doclib/a.xlsx");
}

TEST_CASE("no links at all") {
  CHECK(Links("<html><body><p>Nothing here.</p></body></html>").empty());
  CHECK(Links("").empty());
  CHECK(Links("<a href=x.pdf>not a workbook</a><a>no href</a>").empty());
}

TEST_CASE("classification falls back to the heading, then to the file name") {
  auto links = Links(R"(
    <h2>287(g) Pending Agencies</h2><p><a href="/a/list1.xlsx">Download (XLSX)</a></p>
    <h4>A minor heading is not a section</h4>
    <p><a href="/a/list2.xlsx">Download</a></p>
    <h2>Downloads</h2>
    <p><a href="/a/287gParticipatingAgencies091526pm.xlsx">Download</a></p>
    <p><a href="/a/roster.xlsx">Download</a></p>)");
  REQUIRE(links.size() == 4);
  CHECK(links[0].list == WorkbookList::Pending);
  CHECK(links[1].list == WorkbookList::Pending);  // h4 does not change the section
  CHECK(links[2].list == WorkbookList::Participating);
  CHECK(links[3].list == WorkbookList::Unknown);
}

TEST_CASE("the same URL twice is one link — the first keeps its text") {
  auto links = Links(R"(
    <a href="/a/participatingAgencies.xlsx">View 287(g) Participating Agencies</a>
    <a href="https://www.ice.gov/a/participatingAgencies.xlsx#again">here</a>
    <a href="  /a/participatingAgencies.xlsx
    ">again, with whitespace</a>)");
  REQUIRE(links.size() == 1);
  CHECK(links[0].text == "View 287(g) Participating Agencies");
}

TEST_CASE("<base href> moves where relative links resolve") {
  auto links = Links(R"(<head><base href="https://www.ice.gov/doclib/"></head>
    <body><a href="pendingAgencies.xlsx">View 287(g) Pending Agencies</a></body>)");
  REQUIRE(links.size() == 1);
  CHECK(links[0].url == "https://www.ice.gov/doclib/pendingAgencies.xlsx");
}

TEST_CASE("IsWorkbookUrl and ListNamedIn") {
  CHECK(IsWorkbookUrl("https://www.ice.gov/x/participatingAgencies03032025PM.xlsx"));
  CHECK(IsWorkbookUrl("https://www.ice.gov/x/list.XLSX?download=1"));
  CHECK(IsWorkbookUrl("http://www.ice.gov/file-download/download/public/209067"));
  CHECK_FALSE(IsWorkbookUrl("https://www.ice.gov/file-download/download/public/"));
  CHECK_FALSE(IsWorkbookUrl("https://www.ice.gov/x/list.xlsx.pdf"));
  CHECK_FALSE(IsWorkbookUrl("https://www.ice.gov/x?file=list.xlsx"));
  CHECK_FALSE(IsWorkbookUrl("file:///tmp/list.xlsx"));
  CHECK_FALSE(IsWorkbookUrl("javascript:alert('.xlsx')"));
  CHECK(ListNamedIn("View 287(g) Pending Agencies") == WorkbookList::Pending);
  CHECK(ListNamedIn("287(g) PARTICIPATING AGENCIES") == WorkbookList::Participating);
  CHECK(ListNamedIn("Participating and pending agencies") == WorkbookList::Unknown);
  CHECK(ListNamedIn("Download") == WorkbookList::Unknown);
  CHECK(std::string(ToString(WorkbookList::Pending)) == "pending");
}

}  // namespace
}  // namespace icetrack
