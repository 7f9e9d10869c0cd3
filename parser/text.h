// Text clean-up shared by the roster reader: white space, case, folding.
#pragma once

#include <string>
#include <string_view>

#include "model/ascii_text.h"  // UpperAscii
#include "model/text_fold.h"   // FoldForKey

namespace icetrack {

// Trims and collapses every run of white space (ASCII, NBSP, the Unicode
// spaces, zero-width spaces and BOM) to one ASCII space.
std::string CleanText(std::string_view text);

// For matching against closed sets: upper case, letters and digits only,
// everything else (punctuation, spaces) collapsed to single spaces.
std::string MatchForm(std::string_view text);


}  // namespace icetrack
