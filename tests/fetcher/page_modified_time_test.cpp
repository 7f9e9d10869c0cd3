#include "fetcher/page_modified_time.h"

#include <doctest/doctest.h>

#include "fetcher/html_document.h"

namespace icetrack {
namespace {

std::string Modified(const std::string& html) {
  HtmlDocument document(html);
  return PageModifiedTime(document);
}

TEST_CASE("the <time> after 'Updated:' wins — it carries the time of day") {
  CHECK(Modified(R"(<head><meta property="article:modified_time" content="2025-03-14" /></head>
    <body><time datetime="2020-01-01">an older date elsewhere</time>
    <div><span class="field-content">Updated: <time datetime="2025-03-14T15:26:38-04:00"
      title="03/14/2025">03/14/2025</time></span></div></body>)") == "2025-03-14T15:26:38-04:00");
}

TEST_CASE("the meta element when no 'Updated:' time — nothing when neither") {
  CHECK(Modified(R"(<meta property="article:modified_time" content="2025-06-05" />
    <p>Published: <time datetime="2025-01-01">x</time></p>)") == "2025-06-05");
  CHECK(Modified("<p>Updated: soon</p>").empty());
}

}  // namespace
}  // namespace icetrack
