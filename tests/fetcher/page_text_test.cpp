#include "fetcher/page_text.h"

#include <doctest/doctest.h>

#include "fetcher/html_document.h"

namespace icetrack {
namespace {

TEST_CASE("blocks end at block elements — inline markup keeps a sentence whole") {
  HtmlDocument document(R"(<html><head><title>T</title><script>var x = "As of";</script>
    <style>p{}</style></head><body>
    <h3>287(g) Participating Agencies</h3>
    <p>As of <strong>June 5, 2025</strong>, at 4&nbsp;p.m.,
       ICE has signed <a href="#">640</a> agreements.</p><p>  </p>
    <ul><li>one</li><li>two<br>three</li></ul></body></html>)");
  std::vector<std::string> blocks = TextBlocks(document);
  std::vector<std::string> want = {
      "T", "287(g) Participating Agencies",
      "As of June 5, 2025, at 4\xC2\xA0p.m., ICE has signed 640 agreements.", "one", "two",
      "three"};
  CHECK(blocks == want);
}

TEST_CASE("NodeText and CollapseWhitespace") {
  CHECK(CollapseWhitespace("  a \t\n b  ") == "a b");
  CHECK(CollapseWhitespace(" \n ").empty());
  HtmlDocument document("<p>a<br>b <noscript>hidden</noscript>c</p>");
  CHECK(NodeText(document.root()) == "a b c");
}

}  // namespace
}  // namespace icetrack
