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

TEST_CASE("key folding makes ICE's alternate spellings equal") {
  CHECK(FoldForKey("St. Mary\xE2\x80\x99s Parish  Sheriff") == FoldForKey("ST MARY'S PARISH SHERIFF"));
  CHECK(FoldForKey("Town of A & B") == FoldForKey("Town of A and B"));
  CHECK(FoldForKey("Town of A&B") == "town of a and b");
  CHECK(FoldForKey("Do\xC3\xB1" "a Ana County") == "dona ana county");
  CHECK(FoldForKey("O'Brien County") == "obrien county");
  CHECK(FoldForKey("Lee County Sheriff's Office ") == FoldForKey("Lee County Sheriff`s Office"));
  CHECK(FoldForKey("Lee County") != FoldForKey("Levy County"));
}

}  // namespace icetrack
