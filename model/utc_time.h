// Dates and times as icetrack keeps them: calendar dates ("2025-07-07") and
// instants in UTC, written ISO-8601 with a Z ("2026-02-13T17:11:20Z"), to
// the second. The one place that turns such text into numbers and back, so
// that times are compared as instants, never as text.
//
// Promises: the readers accept only real dates and times (no 30 February, no
// hour 24) and never guess: anything else is `false`, *out untouched.
// Pure arithmetic, no clock and no time zone database (offsets are read as
// written).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace icetrack {

struct CivilDate {
  int year = 0, month = 0, day = 0;
};

bool IsValidDate(int year, int month, int day);
// Days since 1970-01-01 (negative before), and back (Howard Hinnant's algorithms).
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);
std::string FormatDate(const CivilDate& date);  // "2025-07-07"
// Exactly "YYYY-MM-DD", a real date.
bool ParseIsoDate(std::string_view text, CivilDate* out);

// An instant: seconds since 1970-01-01T00:00:00Z.
struct UtcTime {
  int64_t seconds = 0;
  friend bool operator<(UtcTime a, UtcTime b) { return a.seconds < b.seconds; }
  friend bool operator==(UtcTime a, UtcTime b) { return a.seconds == b.seconds; }
};

// "YYYY-MM-DDTHH:MM:SS", optionally a fraction (dropped), then "Z", an
// offset ("+02:00", "-0400") or nothing (read as UTC, as docProps writes
// it). A lower-case t or z, or a space instead of the T, are accepted.
bool ParseIsoTime(std::string_view text, UtcTime* out);
std::string FormatIsoTime(UtcTime time);  // "2026-02-13T17:11:20Z"
// Whole days from `from` to `to` (negative when `to` is earlier), rounded down.
int64_t DaysBetween(UtcTime from, UtcTime to);
// The day `time` falls on (days since 1970-01-01, rounded down).
int64_t DaysOf(UtcTime time);

// "30s", "5m", "2h", "3d", "1w": a span of time, in seconds (a bare "0" too).
bool ParseDuration(std::string_view text, int64_t* seconds);

// Text in either form to its canonical ISO-8601 UTC time; "" when it is
// not a time. Dates alone are not times here: they would claim midnight.
std::string CanonicalTime(std::string_view text);

}  // namespace icetrack
