#include "model/roster_tally.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

RosterEntry Entry(std::string state, std::string agency, Model model) {
  RosterEntry e;
  e.row.state_code = state;
  e.row.state = state;
  e.row.agency = agency;
  e.row.model = model;
  e.row.key = state + "|" + agency + "|" + ToString(model);
  return e;
}

TEST_CASE("a tally counts rows, distinct agencies across models, and states") {
  std::vector<RosterEntry> roster = {Entry("FL", "polk", Model::JEM), Entry("FL", "polk", Model::TFM),
                                     Entry("FL", "lee", Model::WSO),  Entry("TX", "hays", Model::TFM),
                                     Entry("", "nowhere", Model::TFM)};
  RosterTally t = TallyRoster(roster, Grouping::State, TallyOrder::Count);
  CHECK(t.total.rows == 5);
  CHECK(t.total.agencies == 4);  // polk in two models counts once
  CHECK(t.states == 2);          // an unknown state is no state
  REQUIRE(t.groups.size() == 3);
  CHECK(t.groups[0].group == "FL");
  CHECK(t.groups[0].state_code == "FL");
  CHECK(t.groups[0].rows == 3);
  CHECK(t.groups[0].agencies == 2);
  CHECK(t.groups[1].group == kUnknownState);  // ties in count keep the order of names ("??" < "TX")
  CHECK(t.groups[2].group == "TX");
}

TEST_CASE("a tally orders groups by count or by name, and groups by model or both") {
  std::vector<RosterEntry> roster = {Entry("TX", "a", Model::TFM), Entry("TX", "b", Model::TFM),
                                     Entry("AL", "c", Model::JEM), Entry("AL", "d", Model::Unknown)};
  RosterTally by_name = TallyRoster(roster, Grouping::State, TallyOrder::Name);
  REQUIRE(by_name.groups.size() == 2);
  CHECK(by_name.groups[0].group == "AL");
  RosterTally by_model = TallyRoster(roster, Grouping::Model, TallyOrder::Count);
  REQUIRE(by_model.groups.size() == 3);
  CHECK(by_model.groups[0].group == "TFM");
  CHECK(by_model.groups[0].rows == 2);
  CHECK(by_model.groups[0].state_code.empty());
  CHECK(by_model.groups[1].group == kUnknownModel);
  RosterTally both = TallyRoster(roster, Grouping::StateModel, TallyOrder::Name);
  REQUIRE(both.groups.size() == 3);
  CHECK(both.groups[0].group == "AL ?");
  CHECK(both.groups[2].group == "TX TFM");
  CHECK(both.groups[2].state_code == "TX");
}

TEST_CASE("groupings and orders are read by their names only") {
  Grouping g;
  CHECK(ParseGrouping("state,model", &g));
  CHECK(g == Grouping::StateModel);
  CHECK_FALSE(ParseGrouping("county", &g));
  TallyOrder o;
  CHECK(ParseTallyOrder("name", &o));
  CHECK(o == TallyOrder::Name);
  CHECK_FALSE(ParseTallyOrder("size", &o));
  CHECK(std::string(ToString(TallyOrder::Count)) == "count");
}

}  // namespace
}  // namespace icetrack
