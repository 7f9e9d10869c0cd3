// Dates and times as people write them in options (--since, --until, --at,
// and those to come): the one reader for all of them.
//
// Accepted: a date "YYYY-MM-DD" (a whole day, UTC); an ISO-8601 time with a
// zone ("2026-03-01T12:00:00Z", "2026-03-01T08:00-04:00", seconds optional);
// and relative to now: "today", "yesterday", "now", or a span ago — "7d",
// "2w", "3m", "1y" (days, weeks, calendar months, years). Anything else, an
// impossible date (2025-02-30) included, is an error that names the option
// and the value. Pure: `now` is passed in.
#pragma once

#include <string>

#include "model/status.h"
#include "model/utc_time.h"

namespace icetrack {

// Which end of what the text names a bound means: the first instant of it
// (Start: --since), or the first instant after it (End, exclusive: --until
// and --at, so that "--until 2026-03-01" includes all of that day).
enum class TimeEdge { Start, End };

Status ParseTimeOption(const std::string& option, const std::string& text, UtcTime now, TimeEdge edge,
                       UtcTime* out);

}  // namespace icetrack
