#include "app/time_option.h"

#include <cctype>

namespace icetrack {

namespace {

constexpr int64_t kDay = 86400;

UtcTime StartOfDay(const CivilDate& d) { return UtcTime{DaysFromCivil(d) * kDay}; }

CivilDate DateOf(UtcTime t) {
  int64_t days = t.seconds >= 0 ? t.seconds / kDay : -((-t.seconds + kDay - 1) / kDay);
  return CivilFromDays(days);
}

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

// An ISO-8601 time that states its zone; seconds may be left out.
bool TimeWithZone(const std::string& text, UtcTime* out) {
  std::string full = text;
  if (full.size() >= 16 && full[13] == ':' && (full.size() == 16 || full[16] != ':')) full.insert(16, ":00");
  if (full.size() <= 19) return false;  // no zone: which hour would it be?
  return ParseIsoTime(full, out);
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
  if (TimeWithZone(text, &t) || SpanAgo(lower, now, &t)) return instant(t);
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (text.size() >= 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) >= 3 && text[4] == '-' &&
      text[7] == '-' && !IsValidDate(y, m, d))
    return Status::Error(option + ": \"" + text + "\" is not a real date");
  if (text.size() > 10 && ParseIsoDate(text.substr(0, 10), &date) && (text[10] == 'T' || text[10] == ' '))
    return Status::Error(option + ": \"" + text + "\" has no time zone; add Z for UTC, or an offset (-04:00)");
  return Status::Error(option + ": \"" + text + "\" is not a date or a time; " + Expected());
}

}  // namespace icetrack
