// CSV as RFC 4180 writes it, for spreadsheets and scripts: a field is quoted
// when it holds a comma, a double quote, CR or LF (its quotes doubled), and
// every line ends in CRLF. A file begins with a UTF-8 byte-order mark, so
// that Excel reads ICE's curly apostrophes as such instead of as "â€™".
// Values are written as they are: nothing is trimmed or escaped away.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

std::string CsvField(std::string_view value);
// The fields joined by commas, and CRLF.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace icetrack
