#include "parser/excel_date.h"

#include <cmath>

namespace icetrack {

bool SerialToDate(double serial, bool date1904, CivilDate* out) {
  if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return false;  // up to 9999-12-31
  long days = static_cast<long>(std::floor(serial));
  if (date1904) {
    // Serial 0 is 1904-01-01, which is day -24107 since 1970.
    *out = CivilFromDays(days - 24107);
    return true;
  }
  if (days == 60) {  // Excel's 29 Feb 1900, which never existed
    *out = CivilDate{1900, 2, 29};
    return true;
  }
  if (days < 60) days += 1;  // before the phantom day, serials are one short
  // Serial 61 is 1900-03-01 = day -25508 since 1970; serial s is day s - 25569.
  *out = CivilFromDays(days - 25569);
  return true;
}

}  // namespace icetrack
