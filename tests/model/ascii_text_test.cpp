#include "model/ascii_text.h"

#include <doctest/doctest.h>

#include <cstdint>

namespace icetrack {
namespace {

TEST_CASE("decimal numbers from files: digits only, bounded, never an overflow") {
  int64_t n = -1;
  CHECK(ParseDecimal("0", 10, &n));
  CHECK(n == 0);
  CHECK(ParseDecimal("1048576", 1048576, &n));
  CHECK(n == 1048576);
  CHECK_FALSE(ParseDecimal("1048577", 1048576, &n));
  CHECK(ParseDecimal("9223372036854775807", INT64_MAX, &n));
  CHECK(n == INT64_MAX);
  for (const char* bad : {"9223372036854775808", "99999999999999999999999", "", "-1", "+1", " 1", "1 ", "1e3", "0x1"}) {
    CAPTURE(bad);
    n = 7;
    CHECK_FALSE(ParseDecimal(bad, INT64_MAX, &n));
    CHECK(n == 7);  // untouched
  }
}

}  // namespace
}  // namespace icetrack
