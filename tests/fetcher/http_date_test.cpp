#include "fetcher/http_date.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("IMF-fixdate becomes ISO-8601 UTC") {
  CHECK(HttpDateToIso("Mon, 17 Mar 2025 19:00:00 GMT") == "2025-03-17T19:00:00Z");
  CHECK(HttpDateToIso("Sun, 06 Nov 1994 08:49:37 GMT") == "1994-11-06T08:49:37Z");
  CHECK(HttpDateToIso("Wed, 31 Dec 2025 23:59:60 GMT") == "2025-12-31T23:59:60Z");
}

TEST_CASE("anything else gives nothing rather than a guess") {
  CHECK(HttpDateToIso("") == "");
  CHECK(HttpDateToIso("Sunday, 06-Nov-94 08:49:37 GMT") == "");  // RFC 850
  CHECK(HttpDateToIso("Sun Nov  6 08:49:37 1994") == "");        // asctime
  CHECK(HttpDateToIso("Mon, 17 Mar 2025 19:00:00 EST") == "");
  CHECK(HttpDateToIso("Mon, 17 Foo 2025 19:00:00 GMT") == "");
  CHECK(HttpDateToIso("Mon, 17 Mar 2025 25:00:00 GMT") == "");
  CHECK(HttpDateToIso("Mon, 17 Mar 2025 19:00:00 GMT trailing") == "");
  CHECK(HttpDateToIso("Mon, 17 Mar 2025 -5:00:00 GMT") == "");  // %d alone takes a sign
  CHECK(HttpDateToIso("Mon, 17 Mar 2025 19:-1:00 GMT") == "");
  CHECK(HttpDateToIso("Mon,  7 Mar 2025 19:00:00 GMT") == "");  // a day is two digits
  CHECK(HttpDateToIso("Mon, 17 Mar -202 19:00:00 GMT") == "");
}

}  // namespace
}  // namespace icetrack
