// HTTP dates as icetrack stores times.
//
// A Last-Modified header is the only publication time a workbook without
// docProps (or the HTML-table page) may carry. Promises: reads the
// IMF-fixdate form that RFC 9110 requires of senders ("Mon, 17 Mar 2025
// 19:00:00 GMT") into ISO-8601 UTC ("2025-03-17T19:00:00Z"); returns "" for
// anything else (the obsolete forms, garbage), never a guess.
#pragma once

#include <string>
#include <string_view>

namespace icetrack {

std::string HttpDateToIso(std::string_view http_date);

}  // namespace icetrack
