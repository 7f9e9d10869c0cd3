#include "fetcher/http_date.h"

#include <cstdio>
#include <cstring>
#include <ctime>

namespace icetrack {
namespace {

// Index of a three-letter English month, 0-based; -1 when unknown. Not
// strptime's %b: that one follows the locale.
int MonthIndex(const char* name) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i) {
    if (std::strcmp(name, kMonths[i]) == 0) return i;
  }
  return -1;
}

// IMF-fixdate has one length and its digits in fixed places ("Sun, 06 Nov
// 1994 08:49:37 GMT"): sscanf's %d alone would take "-5" or " 5" as well.
bool HasFixdateShape(const std::string& text) {
  if (text.size() != 29) return false;
  static const size_t kDigits[] = {5, 6, 12, 13, 14, 15, 17, 18, 20, 21, 23, 24};
  for (size_t i : kDigits) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string HttpDateToIso(std::string_view http_date) {
  std::string text(http_date);
  char weekday[4] = {}, month[4] = {}, zone[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, used = 0;
  int n = std::sscanf(text.c_str(), "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d %3s%n", weekday, &day,
                      month, &year, &hour, &minute, &second, zone, &used);
  if (n != 8 || static_cast<size_t>(used) != text.size() || std::strcmp(zone, "GMT") != 0 || !HasFixdateShape(text))
    return "";
  int month_index = MonthIndex(month);
  if (month_index < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return "";
  char out[64];  // room for any int, so that the compiler can see nothing is cut
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month_index + 1, day, hour,
                minute, second);
  return out;
}

}  // namespace icetrack
