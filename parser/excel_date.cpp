#include "parser/excel_date.h"

#include <cmath>
#include <cstdio>

namespace icetrack {

namespace {

// Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm).
CivilDate FromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

std::string FormatDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool SerialToDate(double serial, bool date1904, CivilDate* out) {
  if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return false;  // up to 9999-12-31
  long days = static_cast<long>(std::floor(serial));
  if (date1904) {
    // Serial 0 is 1904-01-01, which is day -24107 since 1970.
    *out = FromDays(days - 24107);
    return true;
  }
  if (days == 60) {  // Excel's 29 Feb 1900, which never existed
    *out = CivilDate{1900, 2, 29};
    return true;
  }
  if (days < 60) days += 1;  // before the phantom day, serials are one short
  // Serial 61 is 1900-03-01 = day -25508 since 1970; serial s is day s - 25569.
  *out = FromDays(days - 25569);
  return true;
}

}  // namespace icetrack
