#include <doctest/doctest.h>

#include "model/utc_time.h"

namespace icetrack {
namespace {

TEST_CASE("ISO-8601 times are read as instants, offsets applied") {
  UtcTime t;
  REQUIRE(ParseIsoTime("2026-02-13T17:11:20Z", &t));
  CHECK(FormatIsoTime(t) == "2026-02-13T17:11:20Z");
  REQUIRE(ParseIsoTime("2025-03-14T15:26:38-04:00", &t));
  CHECK(FormatIsoTime(t) == "2025-03-14T19:26:38Z");
  REQUIRE(ParseIsoTime("2025-03-14T15:26:38.123+0530", &t));
  CHECK(FormatIsoTime(t) == "2025-03-14T09:56:38Z");
  REQUIRE(ParseIsoTime("2025-03-14T15:26:38", &t));  // docProps without a zone: UTC
  CHECK(FormatIsoTime(t) == "2025-03-14T15:26:38Z");
  REQUIRE(ParseIsoTime("1969-12-31T23:59:59Z", &t));
  CHECK(t.seconds == -1);
  CHECK(FormatIsoTime(t) == "1969-12-31T23:59:59Z");
}

TEST_CASE("what is not a real time is refused, never guessed") {
  UtcTime t;
  for (const char* bad : {"", "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T24:00:00Z",
                          "2025-01-01T12:60:00Z", "2025-01-01T12:00:00+25:00", "2025-01-01T12:00:00 junk",
                          "2025-1-1T12:00:00Z", "garbage", "2025-01-01", "2025-01-01T12:00:00.Z"})
    CHECK_MESSAGE(!ParseIsoTime(bad, &t), bad);
  CHECK(CanonicalTime("2025-03-14T15:26:38-04:00") == "2025-03-14T19:26:38Z");
  CHECK(CanonicalTime("2025-03-14") == "");  // a date alone would claim midnight
}

TEST_CASE("calendar days round-trip and count leap years") {
  CHECK(DaysFromCivil({1970, 1, 1}) == 0);
  CHECK(DaysFromCivil({2000, 3, 1}) - DaysFromCivil({2000, 2, 28}) == 2);
  CHECK(DaysFromCivil({1900, 3, 1}) - DaysFromCivil({1900, 2, 28}) == 1);
  for (int64_t d = -800000; d < 800000; d += 997) CHECK(DaysFromCivil(CivilFromDays(d)) == d);
  CivilDate date;
  CHECK(ParseIsoDate("2024-02-29", &date));
  CHECK_FALSE(ParseIsoDate("2025-02-29", &date));
  CHECK_FALSE(ParseIsoDate("2025-6-1", &date));
  UtcTime a, b;
  REQUIRE(ParseIsoTime("2026-02-27T17:55:27Z", &a));
  REQUIRE(ParseIsoTime("2026-03-06T14:39:22Z", &b));
  CHECK(DaysBetween(a, b) == 6);  // 6.9 days: not yet seven
  CHECK(DaysBetween(b, a) == -7);
}

TEST_CASE("dates are written YYYY-MM-DD, zero-padded, and read back") {
  CHECK(FormatDate({2025, 3, 1}) == "2025-03-01");
  CHECK(FormatDate({1900, 12, 31}) == "1900-12-31");
  CHECK(FormatDate({7, 1, 9}) == "0007-01-09");
  CHECK(FormatDate({9999, 12, 31}) == "9999-12-31");
  CHECK(FormatDate({10000, 1, 1}) == "10000-01-01");  // past the fast path: as printf writes it
  CHECK(FormatDate({-1, 1, 1}) == "-001-01-01");
  for (int64_t d = -700000; d < 2900000; d += 9973) {
    CivilDate back, date = CivilFromDays(d);
    REQUIRE(ParseIsoDate(FormatDate(date), &back));
    CHECK(DaysFromCivil(back) == d);
  }
}

}  // namespace
}  // namespace icetrack
