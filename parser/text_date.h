// Reading dates that were typed as text ("7/7/2025", "7/72025", "July 7, 2025").
//
// A text is read as a date only when exactly one reading of it gives a real
// calendar date between 1996 and 2099 (287(g) began in 1996). Readings: US
// month/day/year (separators may be missing: every way of cutting the digits
// into month, day and a 2- or 4-digit year is tried), ISO year-month-day, and
// month names. "5/31/20026" has no reading; "1212025" has two (1/21, 12/1).
#pragma once

#include <string_view>

#include "parser/excel_date.h"

namespace icetrack {

enum class TextDateResult { Date, Ambiguous, NoDate };

TextDateResult ReadTextDate(std::string_view text, CivilDate* out);

// A plausible 287(g) date (1996-01-01 .. 2099-12-31).
bool IsPlausibleDate(const CivilDate& d);

}  // namespace icetrack
