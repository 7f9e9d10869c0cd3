#include "report/markup_text.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("markup text escapes the five characters, keeps UTF-8 and drops what XML 1.0 forbids") {
  CHECK(MarkupText("Polk <County> & \"Sons\" 'x'") == "Polk &lt;County&gt; &amp; &quot;Sons&quot; &#39;x&#39;");
  CHECK(MarkupText("Sheriff\xE2\x80\x99s\tOffice\r\n") == "Sheriff\xE2\x80\x99s\tOffice\r\n");
  CHECK(MarkupText(std::string("a\x01\x0b\x1f", 4) + "b") == "ab");
  CHECK(MarkupText(std::string("\0z", 2)) == "z");
  CHECK(MarkupText("caf\xE9 \xC3") == "caf\xEF\xBF\xBD \xEF\xBF\xBD");  // Latin-1 and a cut sequence
}

}  // namespace
}  // namespace icetrack
