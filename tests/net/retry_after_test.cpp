#include "net/retry_after.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

using std::chrono::seconds;

// Wed, 21 Oct 2026 07:28:00 GMT
const std::chrono::system_clock::time_point kNow = std::chrono::system_clock::from_time_t(1792567680);

TEST_CASE("delay-seconds") {
  CHECK(ParseRetryAfter("120", kNow) == seconds(120));
  CHECK(ParseRetryAfter(" 0 ", kNow) == seconds(0));
  CHECK(ParseRetryAfter("99999999999999999999", kNow) == seconds(999999999));
}

TEST_CASE("HTTP-date in its three forms, relative to now") {
  CHECK(ParseRetryAfter("Wed, 21 Oct 2026 07:28:30 GMT", kNow) == seconds(30));
  CHECK(ParseRetryAfter("Wednesday, 21-Oct-26 07:29:00 GMT", kNow) == seconds(60));
  CHECK(ParseRetryAfter("Wed Oct 21 07:28:05 2026", kNow) == seconds(5));
  CHECK(ParseRetryAfter("Tue, 20 Oct 2026 07:28:00 GMT", kNow) == seconds(0));  // past
}

TEST_CASE("a date after 2262 is too long, never a 0 s wait") {
  // Was a signed overflow in the clock's nanoseconds, which gave 0 s.
  CHECK(ParseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", kNow) == seconds(999999999));
  CHECK(ParseRetryAfter("Sat, 01 Jan 2300 00:00:00 GMT", kNow) == seconds(999999999));
  CHECK(ParseRetryAfter("Wed, 21 Oct 2026 07:28:01 GMT", kNow + std::chrono::milliseconds(500)) == seconds(1));
}

TEST_CASE("absent or unreadable") {
  CHECK_FALSE(ParseRetryAfter("", kNow).has_value());
  CHECK_FALSE(ParseRetryAfter("soon", kNow).has_value());
  CHECK_FALSE(ParseRetryAfter("-5", kNow).has_value());
}

}  // namespace
}  // namespace icetrack
