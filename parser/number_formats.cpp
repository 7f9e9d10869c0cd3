#include "parser/number_formats.h"

#include <cctype>

namespace icetrack {

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

bool IsDateFormatCode(std::string_view code) {
  // Only the first section (positive numbers) decides, as in Excel.
  bool in_quotes = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (in_quotes) {
      if (c == '"') in_quotes = false;
      continue;
    }
    switch (c) {
      case '"': in_quotes = true; break;
      case '\\':
      case '_':
      case '*': ++i; break;  // escaped / padding character
      case '[': {
        size_t close = code.find(']', i);
        if (close == std::string_view::npos) return false;
        std::string_view inner = code.substr(i + 1, close - i - 1);
        // [h], [mm], [ss]: elapsed time, still a date/time format.
        if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 'm' ||
                               inner[0] == 'M' || inner[0] == 's' || inner[0] == 'S'))
          return true;
        i = close;
        break;
      }
      case ';': return false;
      default: {
        char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == 'd' || lower == 'm' || lower == 'y' || lower == 'h' || lower == 's') return true;
        if (lower == 'e' && i + 1 < code.size() && code[i + 1] == '+') ++i;  // scientific E+
      }
    }
  }
  return false;
}

}  // namespace icetrack
