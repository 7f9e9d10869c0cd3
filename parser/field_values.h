// Normalizers for the closed-set columns of a roster: the 287(g) model
// (SUPPORT TYPE), the agency TYPE, and COUNTY.
#pragma once

#include <string>
#include <string_view>

#include "model/roster.h"

namespace icetrack {

// "Jail Enforcement Model", "JEM", "Warrant Service Office" (a typo) -> the
// model; Model::Unknown when nothing matches uniquely.
Model ModelFromText(std::string_view written);

// "County", "Muncipality" (a typo), "State" -> "County" / "Municipality" /
// "State Agency". Empty when no valid type matches.
std::string AgencyTypeFromText(std::string_view written);

// Cleaned county; "#NA", "#N/A", "N/A", "NA" and "-" mean no county.
std::string CountyFromText(std::string_view written);

}  // namespace icetrack
