// Lengths as chat services count them — in characters (Unicode code
// points), not bytes — and text cut to fit, never inside a character.
#pragma once

#include <string>
#include <string_view>

namespace icetrack {

size_t CharCount(std::string_view utf8);
// `text` if it fits in `max_chars`, else its start and "…" in `max_chars` (max_chars >= 1).
std::string CutToFit(std::string_view text, size_t max_chars);

}  // namespace icetrack
