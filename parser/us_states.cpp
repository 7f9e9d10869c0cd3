#include "parser/us_states.h"

#include "parser/closed_set.h"

namespace icetrack {

namespace {

struct State {
  const char* code;
  const char* name;
};

constexpr State kStates[] = {
    {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"},
    {"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"},
    {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"},
    {"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"},
    {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
    {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"}, {"MS", "Mississippi"},
    {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
    {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
    {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"},
    {"OR", "Oregon"}, {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"},
    {"SD", "South Dakota"}, {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"},
    {"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington"}, {"WV", "West Virginia"},
    {"WI", "Wisconsin"}, {"WY", "Wyoming"}, {"DC", "District of Columbia"},
    {"PR", "Puerto Rico"}, {"GU", "Guam"}, {"VI", "U.S. Virgin Islands"},
    {"AS", "American Samoa"}, {"MP", "Northern Mariana Islands"},
};

// Other names of the same places (not typos).
constexpr State kAliases[] = {
    {"DC", "Washington DC"}, {"DC", "Washington D.C."}, {"DC", "D.C."},
    {"VI", "Virgin Islands"}, {"VI", "US Virgin Islands"}, {"VI", "United States Virgin Islands"},
    {"MP", "Commonwealth of the Northern Mariana Islands"}, {"MP", "Northern Marianas"},
    {"MP", "CNMI"}, {"PR", "Commonwealth of Puerto Rico"},
};

const ClosedSet& States() {
  static const ClosedSet set = [] {
    ClosedSet s;
    for (const State& st : kStates) {
      s.Add(st.name, st.code);
      s.Add(st.code, st.code, false);
    }
    for (const State& st : kAliases) s.Add(st.name, st.code);
    for (const char* filler : {"State", "of", "the", "Commonwealth"}) s.AddFiller(filler);
    return s;
  }();
  return set;
}

}  // namespace

std::string StateCode(std::string_view written, int* distance) {
  ClosedSet::Match m = States().Find(written);
  if (distance) *distance = m.distance;
  return m.canonical;
}

}  // namespace icetrack
