#include "app/time_option.h"

#include <cctype>
#include <string>

namespace icetrack {

namespace {

constexpr int64_t kDay = 86400;

UtcTime StartOfDay(const CivilDate& d) { return UtcTime{DaysFromCivil(d) * kDay}; }

CivilDate DateOf(UtcTime t) { return CivilFromDays(DaysOf(t)); }

// `months` calendar months before `t`, the day clamped to the month's length.
UtcTime MonthsBefore(UtcTime t, int64_t months) {
  CivilDate d = DateOf(t);
  int64_t into_day = t.seconds - StartOfDay(d).seconds;
  int64_t index = int64_t{d.year} * 12 + (d.month - 1) - months;
  CivilDate back{static_cast<int>(index >= 0 ? index / 12 : (index - 11) / 12),
                 static_cast<int>(((index % 12) + 12) % 12) + 1, d.day};
  while (!IsValidDate(back.year, back.month, back.day)) --back.day;
  return UtcTime{StartOfDay(back).seconds + into_day};
}

// "7d", "2w", "3m", "1y": a span before now.
bool SpanAgo(const std::string& text, UtcTime now, UtcTime* out) {
  if (text.size() < 2 || text.size() > 6) return false;
  char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())));
  int64_t n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    n = n * 10 + (text[i] - '0');
  }
  switch (unit) {
    case 'd': *out = UtcTime{now.seconds - n * kDay}; return true;
    case 'w': *out = UtcTime{now.seconds - n * 7 * kDay}; return true;
    case 'm': *out = MonthsBefore(now, n); return true;
    case 'y': *out = MonthsBefore(now, n * 12); return true;
    default: return false;
  }
}

enum class Zone { Missing, Written };

// An ISO-8601 time that states its zone ("Z" or an offset after the seconds
// and any fraction); seconds may be left out. `*zone` says whether one was
// written, so that a time without one is told so.
bool TimeWithZone(const std::string& text, UtcTime* out, Zone* zone) {
  std::string full = text;
  bool minutes_only = full.size() >= 16 && full[13] == ':' &&
                      (full.size() == 16 || std::string("Zz+-").find(full[16]) != std::string::npos);
  if (minutes_only) full.insert(16, ":00");
  size_t at = 19;
  if (at < full.size() && (full[at] == '.' || full[at] == ',')) {
    ++at;
    while (at < full.size() && std::isdigit(static_cast<unsigned char>(full[at]))) ++at;
  }
  *zone = at < full.size() ? Zone::Written : Zone::Missing;  // which hour would a bare time be?
  return *zone == Zone::Written && ParseIsoTime(full, out);
}

// "YYYY-MM-DD" in shape, real or not.
bool ShapedLikeDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

std::string Expected() {
  return "write YYYY-MM-DD, an ISO-8601 time with its zone (2026-03-01T12:00:00Z), today, yesterday, now, "
         "or a span ago (7d, 2w, 3m, 1y)";
}

}  // namespace

Status ParseTimeOption(const std::string& option, const std::string& text, UtcTime now, TimeEdge edge,
                       UtcTime* out) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto day = [&](const CivilDate& d) {
    UtcTime start = StartOfDay(d);
    *out = edge == TimeEdge::Start ? start : UtcTime{start.seconds + kDay};
    return Status::Ok();
  };
  auto instant = [&](UtcTime t) {
    *out = edge == TimeEdge::Start ? t : UtcTime{t.seconds + 1};
    return Status::Ok();
  };
  if (text.empty()) return Status::Error(option + ": the value is empty; " + Expected());
  if (lower == "today") return day(DateOf(now));
  if (lower == "yesterday") return day(CivilFromDays(DaysFromCivil(DateOf(now)) - 1));
  if (lower == "now") return instant(now);
  CivilDate date;
  if (ParseIsoDate(text, &date)) return day(date);
  UtcTime t;
  Zone zone = Zone::Missing;
  if (TimeWithZone(text, &t, &zone) || SpanAgo(lower, now, &t)) return instant(t);
  if (ShapedLikeDate(text.substr(0, 10)) && !ParseIsoDate(text.substr(0, 10), &date))
    return Status::Error(option + ": \"" + text + "\" is not a real date");
  bool timed = text.size() > 10 && ParseIsoDate(text.substr(0, 10), &date) && (text[10] == 'T' || text[10] == ' ');
  if (timed && zone == Zone::Missing)
    return Status::Error(option + ": \"" + text + "\" has no time zone; add Z for UTC, or an offset (-04:00)");
  return Status::Error(option + ": \"" + text + "\" is not a date or a time; " + Expected());
}

}  // namespace icetrack
