#include <doctest/doctest.h>

#include "parser/excel_date.h"

namespace icetrack {

std::string Read(double serial, bool date1904 = false) {
  CivilDate d;
  return SerialToDate(serial, date1904, &d) ? FormatDate(d) : "none";
}

TEST_CASE("1900 serials, including Excel's phantom 29 Feb 1900") {
  CHECK(Read(1) == "1900-01-01");
  CHECK(Read(59) == "1900-02-28");
  CHECK(Read(60) == "1900-02-29");
  CHECK(Read(61) == "1900-03-01");
  CHECK(Read(45658) == "2025-01-01");
  CHECK(Read(45922) == "2025-09-22");
  CHECK(Read(45922.75) == "2025-09-22");  // a time of day is dropped
  CHECK(Read(0) == "none");
  CHECK(Read(-5) == "none");
}

TEST_CASE("1904 serials") {
  CHECK(Read(0.5, true) == "none");
  CHECK(Read(1, true) == "1904-01-02");
  CHECK(Read(44196, true) == "2025-01-01");  // 45658 - 1462
}

TEST_CASE("calendar validity") {
  CHECK(IsValidDate(2024, 2, 29));
  CHECK_FALSE(IsValidDate(2025, 2, 29));
  CHECK_FALSE(IsValidDate(1900, 2, 29));
  CHECK(IsValidDate(2000, 2, 29));
  CHECK_FALSE(IsValidDate(2025, 4, 31));
  CHECK_FALSE(IsValidDate(2025, 13, 1));
}

}  // namespace icetrack
