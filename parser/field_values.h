// Normalizers for the closed-set columns of a roster: the 287(g) model
// (SUPPORT TYPE), the agency TYPE, and COUNTY.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/roster.h"

namespace icetrack {

// The model, told by the words that tell the three apart (jail enforcement,
// task force, warrant service), whatever noun follows them ("Model",
// "Officer", "Program"), with a "287(g)" prefix, in the plural, abbreviated
// ("JEM", "J.E.M.", "Enf."), or with a typo or two in each word.
// Model::Unknown when no model is named ("N/A", "TBD", "Pending") or two are
// (a list of them, "Jail & Task Force", is ModelsFromText's to read).
Model ModelFromText(std::string_view written);
// The models a cell names: the one ModelFromText finds, or several when it
// lists them ("Jail & Task Force", "JEM/TFM": before 2012 ICE wrote an
// agency's two models in one row), in Model order; none when it names no
// model, or a part of the list is no model ("Jail & Detention").
std::vector<Model> ModelsFromText(std::string_view written);

// "County", "Muncipality" (a typo), "State", "Cnty", "City" -> "County" /
// "Municipality" / "State Agency". Empty when no valid type matches.
std::string AgencyTypeFromText(std::string_view written);

// Cleaned county; "#NA", "#N/A", "N/A", "NA" and "-" mean no county.
std::string CountyFromText(std::string_view written);

}  // namespace icetrack
