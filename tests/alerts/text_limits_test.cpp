#include "alerts/text_limits.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("characters are counted, not bytes") {
  CHECK(CharCount("") == 0);
  CHECK(CharCount("abc") == 3);
  CHECK(CharCount("Doña Ana — NM") == 13);
}

TEST_CASE("text is cut between characters, an ellipsis last, within the limit") {
  CHECK(CutToFit("abcdef", 6) == "abcdef");
  CHECK(CutToFit("abcdef", 4) == "abc…");
  CHECK(CharCount(CutToFit("ñññññ", 3)) == 3);
  CHECK(CutToFit("ñññññ", 3) == "ññ…");
  CHECK(CutToFit("abc", 1) == "…");
}

}  // namespace
}  // namespace icetrack
