// Counting a roster: agreements (rows: one per agency and model, as ICE
// lists them), distinct agencies (an agency in two models counts once:
// same state and same folded name, see parser/agency_key.h) and states.
// Pure: entries in, counts out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/roster_entry.h"

namespace icetrack {

// How counts are grouped: "state", "model", "state,model".
enum class Grouping { State, Model, StateModel };
const char* ToString(Grouping grouping);
bool ParseGrouping(std::string_view text, Grouping* out);  // exact, lower case

// How groups are ordered: "count" (most agreements first, then by name), "name".
enum class TallyOrder { Count, Name };
const char* ToString(TallyOrder order);
bool ParseTallyOrder(std::string_view text, TallyOrder* out);

// The names of a group's parts where a value is unknown.
inline constexpr char kUnknownState[] = "??";
inline constexpr char kUnknownModel[] = "?";

struct Tally {
  std::string group;      // "FL", "TFM", "FL TFM"; for the total, ""
  std::string state_code; // the group's state ("" when not grouped by state, or unknown)
  int rows = 0;
  int agencies = 0;
};

struct RosterTally {
  Tally total;
  int states = 0;             // distinct known states with at least one row
  std::vector<Tally> groups;  // in the order asked
};

RosterTally TallyRoster(const std::vector<RosterEntry>& entries, Grouping by, TallyOrder order);

}  // namespace icetrack
