// Text clean-up shared by the roster reader: white space, case, folding.
#pragma once

#include <string>
#include <string_view>

#include "model/ascii_text.h"  // UpperAscii

namespace icetrack {

// Trims and collapses every run of white space (ASCII, NBSP, the Unicode
// spaces, zero-width spaces and BOM) to one ASCII space.
std::string CleanText(std::string_view text);

// For matching against closed sets: upper case, letters and digits only,
// everything else (punctuation, spaces) collapsed to single spaces.
std::string MatchForm(std::string_view text);

// For identity keys: lower case, accents folded (é -> e), curly quotes and
// apostrophes dropped, '&' read as "and", other punctuation as a space,
// collapsed. "St. Mary’s  Parish" and "ST MARYS PARISH" give "st marys parish".
std::string FoldForKey(std::string_view text);

}  // namespace icetrack
