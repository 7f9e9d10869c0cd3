// The places a 287(g) agreement can be in: the 50 states, DC and the five
// inhabited territories, by USPS code and English name. One table for the
// reader (which matches what ICE wrote against it, parser/us_states.h) and
// for everything that names or draws a state (stats, the report's map).
#pragma once

#include <span>
#include <string_view>

namespace icetrack {

struct UsState {
  const char* code;  // "FL"
  const char* name;  // "Florida"
};

// In the table's order: the states alphabetically by name, then DC, then the territories.
std::span<const UsState> UsStates();

// "FL" -> "Florida"; "" for a code that names no place.
std::string_view StateName(std::string_view code);

}  // namespace icetrack
