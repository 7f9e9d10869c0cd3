#include "alerts/alert_filter.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

ChangeEvent Signed(std::string state, std::string agency, std::string county = "", Model model = Model::TFM) {
  ChangeEvent e;
  e.kind = EventKind::Signed;
  e.state_code = std::move(state);
  e.agency = std::move(agency);
  e.county = std::move(county);
  e.model = model;
  e.key = "k";
  return e;
}

ChangeEvent Notice(EventKind kind) {
  ChangeEvent e;
  e.kind = kind;
  e.key = "https://www.ice.gov/identify-and-arrest/287g";
  return e;
}

TEST_CASE("an empty filter wants every kind but missing") {
  AlertFilter any;
  CHECK(Wants(any, Signed("FL", "Polk County Sheriff's Office")));
  ChangeEvent missing = Signed("FL", "Polk County Sheriff's Office");
  missing.kind = EventKind::Missing;
  CHECK_FALSE(Wants(any, missing));
  CHECK(Wants(any, Notice(EventKind::SourceFailing)));
}

TEST_CASE("states, models and lists pick agreements") {
  AlertFilter fl;
  fl.states = {"FL"};
  CHECK(Wants(fl, Signed("FL", "Polk County Sheriff's Office")));
  CHECK_FALSE(Wants(fl, Signed("TX", "Harris County Sheriff's Office")));
  AlertFilter jem;
  jem.models = {Model::JEM};
  CHECK_FALSE(Wants(jem, Signed("FL", "Polk County Sheriff's Office")));
  CHECK(Wants(jem, Signed("FL", "Polk County Sheriff's Office", "", Model::JEM)));
  AlertFilter pending;
  pending.lists = {ListKind::Pending};
  CHECK_FALSE(Wants(pending, Signed("FL", "Polk County Sheriff's Office")));
}

TEST_CASE("notices about the source pass every filter but kinds, a list's first publication every filter but lists") {
  AlertFilter narrow;
  narrow.states = {"FL"};
  narrow.models = {Model::JEM};
  narrow.match = {"harris county"};
  narrow.lists = {ListKind::Pending};
  CHECK(Wants(narrow, Notice(EventKind::SourceFailing)));
  CHECK(Wants(narrow, Notice(EventKind::SourceRecovered)));
  ChangeEvent baseline;
  baseline.kind = EventKind::Baseline;
  baseline.list = ListKind::Participating;
  CHECK_FALSE(Wants(narrow, baseline));
  baseline.list = ListKind::Pending;
  CHECK(Wants(narrow, baseline));
  narrow.kinds = {EventKind::Signed};
  CHECK_FALSE(Wants(narrow, Notice(EventKind::SourceFailing)));
}

TEST_CASE("match wants whole words of the agency's or the county's name, folded") {
  AlertFilter harris;
  harris.match = {"Harris County"};
  CHECK(Wants(harris, Signed("TX", "HARRIS COUNTY SHERIFF’S OFFICE")));
  CHECK(Wants(harris, Signed("TX", "Constable Precinct 4", "Harris County")));
  CHECK_FALSE(Wants(harris, Signed("TX", "Harrison County Sheriff's Office")));
  AlertFilter lee;
  lee.match = {"lee"};
  CHECK_FALSE(Wants(lee, Signed("FL", "Leesburg Police Department")));
  CHECK(Wants(lee, Signed("FL", "Lee County Sheriff's Office")));
  AlertFilter marys;
  marys.match = {"st marys"};
  CHECK(Wants(marys, Signed("GA", "St. Mary's Police Department")));
}

TEST_CASE("an agreement moved by a correction or a rename concerns its old state, model and name too") {
  ChangeEvent moved = Signed("MN", "Cass County Sheriff's Office");
  moved.kind = EventKind::Corrected;
  moved.changes = {{kFieldState, "MT", "MN"}, {kFieldModel, "JEM", "TFM"}};
  AlertFilter montana;
  montana.states = {"MT"};
  CHECK(Wants(montana, moved));
  AlertFilter jem;
  jem.models = {Model::JEM};
  CHECK(Wants(jem, moved));
  ChangeEvent renamed = Signed("TX", "Harris County Sheriff");
  renamed.kind = EventKind::Renamed;
  renamed.changes = {{kFieldAgency, "Harris Co. Constable", "Harris County Sheriff"}};
  AlertFilter constable;
  constable.match = {"constable"};
  CHECK(Wants(constable, renamed));
  AlertFilter texas_only;
  texas_only.states = {"OK"};
  CHECK_FALSE(Wants(texas_only, renamed));
}

}  // namespace
}  // namespace icetrack
