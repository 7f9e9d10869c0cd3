// Text made safe for XML 1.0 and HTML (the Atom feed, the report site):
// the five markup characters escaped, bytes that are not UTF-8 replaced by
// U+FFFD, and the control characters XML 1.0 forbids (all of C0 but tab,
// line feed and carriage return) dropped — a workbook's cell can hold any
// of them, and one would make the whole feed ill-formed. Never fails.
#pragma once

#include <string>
#include <string_view>

namespace icetrack {

std::string MarkupText(std::string_view text);

}  // namespace icetrack
