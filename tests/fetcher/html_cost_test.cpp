#include "fetcher/html_cost.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fetcher/page.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

constexpr int64_t kNoBudget = INT64_MAX;

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST_CASE("the work is the depth of open elements summed over start and end tags") {
  HtmlTreeWork w = EstimateHtmlTreeWork("<html><body><div><div><div>x</div></div></div></body></html>", kNoBudget);
  CHECK(w.work == (0 + 1 + 2 + 3 + 4) + (5 + 4 + 3 + 2 + 1));
  CHECK(w.max_depth == 5);
  CHECK_FALSE(w.over);
}

TEST_CASE("end tags close by name, void and raw-text elements have no children, closed formatting is rebuilt") {
  // </div> closes <span> and <b>; <b>, closed by another's end tag, is rebuilt (cloned) at <i>.
  CHECK(EstimateHtmlTreeWork("<div><span><b>x</div><i>", kNoBudget).work == (0 + 1 + 2) + 3 + (0 + 1));
  CHECK(EstimateHtmlTreeWork(Repeat("</p></span>", 1000) + "<div>", kNoBudget).work == 0);
  CHECK(EstimateHtmlTreeWork("<div>" + Repeat("<br><img src=x><input>", 100) + "<b>", kNoBudget).work == 1);
  CHECK(EstimateHtmlTreeWork("<script>" + Repeat("<div>", 1000) + "</SCRIPT><b>", kNoBudget).work == 1);
  CHECK(EstimateHtmlTreeWork("<!--" + Repeat("<div>", 1000) + "--><!doctype html><b>", kNoBudget).work == 0);
  CHECK(EstimateHtmlTreeWork("a < b and 3<4 <", kNoBudget).work == 0);
}

TEST_CASE("siblings without end tags close each other, as HTML has it") {
  HtmlTreeWork w = EstimateHtmlTreeWork("<ul>" + Repeat("<li>item", 100000) + "</ul>", kNoBudget);
  CHECK(w.max_depth == 2);
  CHECK(w.work == 100000 + 2);
  w = EstimateHtmlTreeWork("<table>" + Repeat("<tr><td>a<td>b", 50000) + "</table>", kNoBudget);
  CHECK(w.max_depth == 3);
}

TEST_CASE("the shapes that make gumbo quadratic are measured as such, and stop at the budget") {
  for (const char* shape : {"<div>", "<b>", "<i><b>", "<table><td><b>", "<b></p>", "<ul><li><b>", "<svg><g>",
                            "<em><td>"}) {
    CAPTURE(shape);
    HtmlTreeWork w = EstimateHtmlTreeWork(Repeat(shape, 10000), kNoBudget);
    CHECK(w.max_depth >= 10000);
    CHECK(w.work >= int64_t{10000} * 9999 / 2);
    HtmlTreeWork stopped = EstimateHtmlTreeWork(Repeat(shape, 10000), 1000000);
    CHECK(stopped.over);
  }
}

TEST_CASE("found by review: the shapes the first estimate missed are quadratic too") {
  // Each was a few units a repeat, while gumbo nests them (or walks its whole stack) every time.
  for (const char* shape : {"<span><div></span>", "<b><div></b>", "<p><b></p>", "<img_>", "<li.>",
                            "<li><section>", "<option><span>", "<dd><article>", "<p><object>"}) {
    CAPTURE(shape);
    HtmlTreeWork w = EstimateHtmlTreeWork("<body>" + Repeat(shape, 4000), kNoBudget);
    CHECK(w.work >= int64_t{4000} * 3999 / 2);
  }
  HtmlTreeWork ends = EstimateHtmlTreeWork(Repeat("<span>", 3000) + Repeat("</x>", 100000), kMaxTreeWork);
  CHECK(ends.over);  // each end tag walks the open elements
  // What hid the rest of the page: an HTML comment that ends at once, '>' in a quoted value,
  // raw-text names inside SVG.
  for (const char* lead : {"<!-->", "<!--->", "<!-- x --!>", "<a title=\"x><!--\">", "<svg><style>",
                           "<svg><title>", "<math><textarea>"}) {
    CAPTURE(lead);
    CHECK(EstimateHtmlTreeWork(std::string(lead) + Repeat("<div>", 3000), kNoBudget).work >= int64_t{3000} * 2999 / 2);
  }
}

TEST_CASE("found by review: inside SVG or MathML a void or table-part name is an element that nests") {
  // gumbo (0.10.1) took 2.2 s for <svg> and 10,000 <area>s or <td>s, which the estimate counted as nothing.
  for (const char* lead : {"<body><svg>", "<body><math>", "<table><td><svg>"}) {
    for (const char* shape : {"<area>", "<td>", "<tr>", "<input>", "<menuitem>", "<col>", "<caption>"}) {
      CAPTURE(lead);
      CAPTURE(shape);
      HtmlTreeWork w = EstimateHtmlTreeWork(lead + Repeat(shape, 4000), kNoBudget);
      CHECK(w.max_depth >= 4000);
      CHECK(w.work >= int64_t{4000} * 3999 / 2);
    }
  }
  // Outside them, the same names stay void, or ignored outside a table.
  CHECK(EstimateHtmlTreeWork(Repeat("<area><menuitem><td>", 1000) + "<b>", kNoBudget).work == 0);
  // 60 KB that gumbo would take seconds over: refused before it sees them.
  Page page;
  Status s = ParsePage("<body><svg>" + Repeat("<td>", 12000), "https://www.ice.gov/identify-and-arrest/287g", &page);
  CHECK(s.message().find("the page nests its markup too deeply") != std::string::npos);
}

TEST_CASE("found by html_cost_fuzz: an end tag without a name is a comment up to the first '>'") {
  // "</<!--o>" is one comment: it did not start another that ran to the end of the page.
  for (const char* lead : {"</<!--o>", "</ <!-- x>", "</><!-->", "</-->"}) {
    CAPTURE(lead);
    CHECK(EstimateHtmlTreeWork(std::string(lead) + Repeat("<div>", 3000), kNoBudget).work >= int64_t{3000} * 2999 / 2);
  }
  CHECK(EstimateHtmlTreeWork("</1 <div>> <b>", kNoBudget).work == 0);  // the <div> is in the comment
}

TEST_CASE("found by html_cost_fuzz: a quote opens an attribute value only after a name and its '='") {
  // In <d ="> the '="' is an attribute's name: the tag ends at its '>' and did not hide the page.
  for (const char* lead : {"<d =\">", "<d a= b\">", "<d a=\"\"\">", "<d a/=\">"}) {
    CAPTURE(lead);
    CHECK(EstimateHtmlTreeWork(std::string(lead) + Repeat("<div>", 3000), kNoBudget).work >= int64_t{3000} * 2999 / 2);
  }
  // A quoted value holds '>' and tags, after '=' and white space alike, and
  // after a name that holds a quote ("<d a\"=\">" runs on, as in gumbo).
  CHECK(EstimateHtmlTreeWork("<d a\"=\">" + Repeat("<div>", 3000), kNoBudget).work == 0);
  CHECK(EstimateHtmlTreeWork("<a title = \"<div>\" x='>'><b>", kNoBudget).work == 1);
}

TEST_CASE("found by html_cost_fuzz: inside SVG or MathML an end tag with more than its name closes nothing") {
  // gumbo 0.10.1 left the <svg> open after "</svg >", and an <xmp> inside it nested what followed.
  for (const char* end : {"</svg >", "</svg/>", "</svg\n>", "</svg x=1>"}) {
    CAPTURE(end);
    std::string html = "<svg>" + std::string(end) + "<xmp>" + Repeat("<r>", 3000);
    CHECK(EstimateHtmlTreeWork(html, kNoBudget).work >= int64_t{3000} * 2999 / 2);
  }
  // "</svg>" and "</SVG>" do close it: the <xmp> is raw text again.
  CHECK(EstimateHtmlTreeWork("<svg></SVG><xmp>" + Repeat("<r>", 3000), kNoBudget).work == 1);
}

TEST_CASE("a page nested too deeply is refused before gumbo sees it") {
  // 200 KB of nested <div>s kept `run` busy 37 s; 1 MB over two minutes.
  Page page;
  Status s = ParsePage(Repeat("<div>", 40000), "https://www.ice.gov/identify-and-arrest/287g", &page);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().rfind("https://www.ice.gov/identify-and-arrest/287g: the page nests its markup too deeply", 0) == 0);
  s = ParsePage(std::string(kMaxPageBytes + 1, ' '), "https://www.ice.gov/identify-and-arrest/287g", &page);
  CHECK(s.message() == "https://www.ice.gov/identify-and-arrest/287g: the page is 16 MiB; a 287(g) page is about "
                       "0.1 MiB, and pages over 16 MiB are refused");
}

TEST_CASE("ICE's real pages are far within the budget") {
  REQUIRE_FIXTURES();
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::FixturesDir() + "/pages")) {
    if (entry.path().extension() != ".html") continue;
    HtmlTreeWork w = EstimateHtmlTreeWork(test::ReadFile(entry.path().string()), kNoBudget);
    CAPTURE(entry.path().string());
    CHECK(w.work < 200000);
    CHECK(w.max_depth < 100);
    ++pages;
  }
  CHECK(pages >= 4);
}

}  // namespace
}  // namespace icetrack
