#include "model/utc_time.h"

#include <cstdio>

namespace icetrack {

namespace {

bool Digits(std::string_view text, size_t pos, size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

bool DateAt(std::string_view text, CivilDate* out) {
  CivilDate d;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4, &d.year) ||
      !Digits(text, 5, 2, &d.month) || !Digits(text, 8, 2, &d.day) || !IsValidDate(d.year, d.month, d.day))
    return false;
  *out = d;
  return true;
}

// "+02:00", "-0400", "+02": seconds east of UTC.
bool OffsetAt(std::string_view zone, int64_t* seconds) {
  if (zone.empty() || (zone[0] != '+' && zone[0] != '-')) return false;
  int hours = 0, minutes = 0;
  if (!Digits(zone, 1, 2, &hours)) return false;
  size_t rest = 3;
  if (rest < zone.size() && zone[rest] == ':') ++rest;
  if (rest < zone.size() && (!Digits(zone, rest, 2, &minutes) || rest + 2 != zone.size())) return false;
  if (rest == zone.size() && rest != 3) return false;  // "+02:" alone
  if (hours > 18 || minutes > 59) return false;
  *seconds = (zone[0] == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
  return true;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int64_t DaysFromCivil(const CivilDate& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

std::string FormatDate(const CivilDate& d) {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  // By hand: snprintf cost 1,650 instructions a date, and every SIGNED cell has one.
  std::string out = "0000-00-00";
  auto put = [&](size_t end, int value, int digits) {
    for (int i = 0; i < digits; ++i, value /= 10) out[end - static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(3, d.year, 4);
  put(6, d.month, 2);
  put(9, d.day, 2);
  return out;
}

bool ParseIsoDate(std::string_view text, CivilDate* out) {
  return text.size() == 10 && DateAt(text, out);
}

bool ParseIsoTime(std::string_view text, UtcTime* out) {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
  if (text.size() < 19 || !DateAt(text, &date)) return false;
  char t = text[10];
  if ((t != 'T' && t != 't' && t != ' ') || text[13] != ':' || text[16] != ':' || !Digits(text, 11, 2, &hour) ||
      !Digits(text, 14, 2, &minute) || !Digits(text, 17, 2, &second) || hour > 23 || minute > 59 || second > 60)
    return false;
  size_t zone = 19;
  if (zone < text.size() && (text[zone] == '.' || text[zone] == ',')) {
    size_t digits = zone + 1;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == zone + 1) return false;
    zone = digits;
  }
  int64_t offset = 0;
  std::string_view rest = text.substr(zone);
  if (rest == "Z" || rest == "z" || rest.empty()) offset = 0;
  else if (!OffsetAt(rest, &offset)) return false;
  if (second == 60) second = 59;  // a leap second is the last second of its minute
  out->seconds = DaysFromCivil(date) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return true;
}

int64_t DaysOf(UtcTime time) {
  return time.seconds >= 0 ? time.seconds / 86400 : -((-time.seconds + 86399) / 86400);
}

std::string FormatIsoTime(UtcTime time) {
  int64_t days = DaysOf(time);
  int64_t rest = time.seconds - days * 86400;
  CivilDate d = CivilFromDays(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
  return buf;
}

int64_t DaysBetween(UtcTime from, UtcTime to) { return DaysOf(UtcTime{to.seconds - from.seconds}); }

bool ParseDuration(std::string_view text, int64_t* seconds) {
  if (text == "0") {
    *seconds = 0;
    return true;
  }
  if (text.size() < 2 || text.size() > 8) return false;
  int64_t n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    n = n * 10 + (text[i] - '0');
  }
  switch (text.back()) {
    case 's': *seconds = n; return true;
    case 'm': *seconds = n * 60; return true;
    case 'h': *seconds = n * 3600; return true;
    case 'd': *seconds = n * 86400; return true;
    case 'w': *seconds = n * 7 * 86400; return true;
    default: return false;
  }
}

std::string CanonicalTime(std::string_view text) {
  UtcTime t;
  return ParseIsoTime(text, &t) ? FormatIsoTime(t) : "";
}

}  // namespace icetrack
