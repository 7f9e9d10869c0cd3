#include "parser/us_states.h"

#include "model/us_state.h"
#include "parser/closed_set.h"

namespace icetrack {

namespace {

// Other names of the same places (not typos).
constexpr UsState kAliases[] = {
    {"DC", "Washington DC"}, {"DC", "Washington D.C."}, {"DC", "D.C."},
    {"VI", "Virgin Islands"}, {"VI", "US Virgin Islands"}, {"VI", "United States Virgin Islands"},
    {"MP", "Commonwealth of the Northern Mariana Islands"}, {"MP", "Northern Marianas"},
    {"MP", "CNMI"}, {"PR", "Commonwealth of Puerto Rico"},
};

const ClosedSet& States() {
  static const ClosedSet set = [] {
    ClosedSet s;
    for (const UsState& st : UsStates()) {
      s.Add(st.name, st.code);
      s.Add(st.code, st.code, false);
    }
    for (const UsState& st : kAliases) s.Add(st.name, st.code);
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
