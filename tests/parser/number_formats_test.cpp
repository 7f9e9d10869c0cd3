#include <doctest/doctest.h>

#include "parser/number_formats.h"

namespace icetrack {

TEST_CASE("built-in date formats are 14-22 and 45-47") {
  for (int id : {14, 15, 17, 22, 45, 47}) CHECK(IsBuiltinDateFormat(id));
  for (int id : {0, 1, 2, 10, 13, 23, 44, 48, 49}) CHECK_FALSE(IsBuiltinDateFormat(id));
}

TEST_CASE("custom codes are dates when they hold date or time tokens outside quotes") {
  CHECK(IsDateFormatCode("m/d/yyyy"));
  CHECK(IsDateFormatCode("[$-409]mmmm d, yyyy;@"));
  CHECK(IsDateFormatCode("dd\\-mmm\\-yy"));
  CHECK(IsDateFormatCode("[h]:mm:ss"));
  CHECK(IsDateFormatCode("yyyy-mm-dd"));
  CHECK_FALSE(IsDateFormatCode("General"));
  CHECK_FALSE(IsDateFormatCode("0.00"));
  CHECK_FALSE(IsDateFormatCode("#,##0"));
  CHECK_FALSE(IsDateFormatCode("0.00E+00"));
  CHECK_FALSE(IsDateFormatCode("\"days\" 0"));
  CHECK_FALSE(IsDateFormatCode("[Red]0.00"));
  CHECK_FALSE(IsDateFormatCode("0;\"d\"0"));
}

}  // namespace icetrack
