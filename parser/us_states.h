// The 50 states, DC and the five inhabited territories, by USPS code.
#pragma once

#include <string>
#include <string_view>

namespace icetrack {

// "FLORIDA", "Florida ", "FL", "PENNSLYVANIA" (a typo) -> "FL" / "PA".
// Empty when the value matches no state or matches two equally well.
// `distance` (may be null) receives the edit distance of the match.
std::string StateCode(std::string_view written, int* distance = nullptr);

}  // namespace icetrack
