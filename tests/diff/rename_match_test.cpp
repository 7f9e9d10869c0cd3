#include <doctest/doctest.h>

#include "diff/rename_match.h"

namespace icetrack {
namespace {

RosterRow Row(std::string state, std::string name, Model model, std::string signed_date = "", std::string moa = "") {
  RosterRow r;
  r.state_code = state;
  r.model = model;
  r.agency = name;
  r.key = state + "|" + name + "|" + ToString(model);
  r.signed_date = signed_date;
  r.moa_url = moa;
  return r;
}

TEST_CASE("pairs by near-identical name, same MOA, or same date and a shared word") {
  RosterRow typo = Row("TX", "neuces county constable precinct 5", Model::TFM);
  RosterRow fixed = Row("TX", "nueces county constable precinct 5", Model::TFM);
  CHECK(MatchRenames({&typo}, {&fixed}).size() == 1);

  RosterRow old_name = Row("AR", "department of public safety", Model::TFM, "", "https://x/a.pdf");
  RosterRow new_name = Row("AR", "arkansas state police", Model::TFM, "", "https://x/a.pdf");
  CHECK(MatchRenames({&old_name}, {&new_name}).size() == 1);

  RosterRow city = Row("FL", "city of marco island police department", Model::TFM, "2025-06-01");
  RosterRow plain = Row("FL", "marco island police department", Model::TFM, "2025-07-01");
  CHECK(MatchRenames({&city}, {&plain}).size() == 1);
  RosterRow doc = Row("AK", "department of corrections", Model::WSO, "2025-06-01");
  RosterRow alaska = Row("AK", "alaska department of corrections", Model::WSO, "2025-06-01");
  doc.state = "ALASKA";
  alaska.state = "ALASKA";
  CHECK(MatchRenames({&doc}, {&alaska}).size() == 1);
  RosterRow pinal = Row("AZ", "pinal county sheriffs office", Model::TFM, "2025-06-01");
  RosterRow attorney = Row("AZ", "pinal county attorneys office", Model::TFM, "2025-06-01");
  CHECK(MatchRenames({&pinal}, {&attorney}).empty());
}

TEST_CASE("never pairs across states or models, or agencies that only share a date") {
  RosterRow a = Row("AL", "autauga county sheriffs office", Model::TFM, "2025-09-22");
  RosterRow b = Row("AL", "baldwin county sheriffs office", Model::TFM, "2025-09-22");
  CHECK(MatchRenames({&a}, {&b}).empty());
  RosterRow c = Row("GA", "autauga county sheriffs office", Model::TFM, "2025-09-22");
  CHECK(MatchRenames({&a}, {&c}).empty());
  RosterRow d = Row("AL", "autauga county sheriffs office", Model::WSO, "2025-09-22");
  CHECK(MatchRenames({&a}, {&d}).empty());
}

TEST_CASE("each row is used once, best pair first") {
  RosterRow gone = Row("TX", "lone star police department", Model::TFM);
  RosterRow close = Row("TX", "lone star polce departmnt", Model::TFM);
  RosterRow closer = Row("TX", "lone star police departments", Model::TFM);
  auto pairs = MatchRenames({&gone}, {&close, &closer});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].second == 1);
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("other towns and other precincts are never renames") {
  RosterRow milford = Row("PA", "milford borough police department", Model::TFM, "2025-06-01");
  RosterRow milton = Row("PA", "milton borough police department", Model::TFM, "2025-06-01");
  CHECK(MatchRenames({&milford}, {&milton}).empty());
  RosterRow p1 = Row("TX", "galveston county constable precinct 1", Model::TFM, "2025-06-01");
  RosterRow p2 = Row("TX", "galveston county constable precinct 2", Model::TFM, "2025-06-01");
  CHECK(MatchRenames({&p1}, {&p2}).empty());
  RosterRow sheriff = Row("TX", "harris county sheriffs office", Model::TFM, "2025-06-01");
  RosterRow constable = Row("TX", "harris county constable", Model::TFM, "2025-06-01");
  CHECK(MatchRenames({&sheriff}, {&constable}).empty());
}

TEST_CASE("typos in generic words still pair") {
  RosterRow a = Row("WY", "laramie county sheriffs office", Model::JEM);
  RosterRow b = Row("WY", "laramie county sherrifs ofice", Model::JEM);
  CHECK(MatchRenames({&a}, {&b}).size() == 1);
}

}  // namespace
}  // namespace icetrack
