#include <doctest/doctest.h>

#include "parser/text.h"

namespace icetrack {

TEST_CASE("white space is trimmed and collapsed, NBSP and Unicode spaces too") {
  CHECK(CleanText("  Polk County \t Sheriff ") == "Polk County Sheriff");
  CHECK(CleanText("\xC2\xA0link\xC2\xA0pending\xC2\xA0") == "link pending");
  CHECK(CleanText("a\xE2\x80\x8B" "b") == "a b");  // zero-width space
  CHECK(CleanText("\xEF\xBB\xBFState") == "State");
  CHECK(CleanText("\xC2\xA0") == "");
  CHECK(CleanText("Sheriff\xE2\x80\x99s") == "Sheriff\xE2\x80\x99s");
}

TEST_CASE("match form keeps letters and digits only, upper case") {
  CHECK(MatchForm(" Warrant  Service-Officer ") == "WARRANT SERVICE OFFICER");
  CHECK(MatchForm("287(g) Model") == "287 G MODEL");
  CHECK(MatchForm("D.C.") == "D C");
}

}  // namespace icetrack
