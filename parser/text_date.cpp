#include "parser/text_date.h"

#include <cctype>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "parser/text.h"

namespace icetrack {

namespace {

using Readings = std::set<std::tuple<int, int, int>>;

void Consider(int y, int m, int d, Readings* out) {
  CivilDate date{y, m, d};
  if (IsValidDate(y, m, d) && IsPlausibleDate(date)) out->insert({y, m, d});
}

int Year(const std::string& digits) {
  int y = std::stoi(digits);
  if (digits.size() == 2) y += y <= 69 ? 2000 : 1900;
  return y;
}

// Every way to cut the digit groups into month, day, year (in that order),
// never across a separator.
void UsReadings(const std::vector<std::string>& groups, Readings* out) {
  // fields[i] = (group, start, length)
  std::vector<std::string> fields;
  auto recurse = [&](auto& self, size_t group, size_t pos) -> void {
    if (fields.size() == 3) {
      if (group == groups.size()) {
        const std::string &m = fields[0], &d = fields[1], &y = fields[2];
        if (m.size() <= 2 && d.size() <= 2 && (y.size() == 2 || y.size() == 4))
          Consider(Year(y), std::stoi(m), std::stoi(d), out);
      }
      return;
    }
    if (group == groups.size()) return;
    const std::string& g = groups[group];
    for (size_t len = 1; pos + len <= g.size() && len <= 4; ++len) {
      fields.push_back(g.substr(pos, len));
      if (pos + len == g.size()) self(self, group + 1, 0);
      else self(self, group, pos + len);
      fields.pop_back();
    }
  };
  recurse(recurse, 0, 0);
}

int MonthFromName(const std::string& word) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  if (word.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (word.compare(0, 3, kMonths[i]) == 0) return i + 1;
  }
  return 0;
}

// "July 7, 2025", "7 Jul 2025".
void NamedMonthReadings(const std::vector<std::string>& words, Readings* out) {
  if (words.size() != 3) return;
  auto number = [](const std::string& w) {
    return !w.empty() && w.size() <= 4 && std::isdigit(static_cast<unsigned char>(w[0]));
  };
  if (int m = MonthFromName(words[0]); m && number(words[1]) && number(words[2]) && words[2].size() == 4)
    Consider(std::stoi(words[2]), m, std::stoi(words[1]), out);
  if (int m = MonthFromName(words[1]); m && number(words[0]) && number(words[2]) && words[2].size() == 4)
    Consider(std::stoi(words[2]), m, std::stoi(words[0]), out);
}

}  // namespace

bool IsPlausibleDate(const CivilDate& d) { return d.year >= 1996 && d.year <= 2099; }

TextDateResult ReadTextDate(std::string_view raw, CivilDate* out) {
  std::string text = UpperAscii(CleanText(raw));
  if (size_t t = text.find('T'); t != std::string::npos && t >= 8 && std::isdigit(static_cast<unsigned char>(text[t - 1])))
    text.resize(t);  // ISO date-time: keep the date
  std::vector<std::string> groups, words;
  bool letters = false;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      letters = letters || std::isalpha(static_cast<unsigned char>(c));
      cur += c;
    } else {
      flush();
    }
  }
  flush();
  Readings readings;
  if (letters) {
    NamedMonthReadings(words, &readings);
  } else {
    groups = words;
    if (groups.empty() || groups.size() > 3) return TextDateResult::NoDate;
    for (const std::string& g : groups) {
      if (g.size() > 8) return TextDateResult::NoDate;
    }
    if (groups.size() == 3 && groups[0].size() == 4) {
      Consider(std::stoi(groups[0]), std::stoi(groups[1]), std::stoi(groups[2]), &readings);
    } else {
      UsReadings(groups, &readings);
    }
  }
  if (readings.empty()) return TextDateResult::NoDate;
  if (readings.size() > 1) return TextDateResult::Ambiguous;
  auto [y, m, d] = *readings.begin();
  *out = CivilDate{y, m, d};
  return TextDateResult::Date;
}

}  // namespace icetrack
