// Which cell styles show numbers as dates: built-in formats 14-22 and 45-47,
// and custom format codes with date or time tokens outside quotes, escapes
// and [brackets].
#pragma once

#include <string_view>

namespace icetrack {

bool IsBuiltinDateFormat(int num_fmt_id);
bool IsDateFormatCode(std::string_view code);

}  // namespace icetrack
