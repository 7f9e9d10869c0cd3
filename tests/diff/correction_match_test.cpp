#include <doctest/doctest.h>

#include "diff/correction_match.h"

namespace icetrack {
namespace {

RosterRow Row(std::string state, std::string name, Model model, std::string signed_date) {
  RosterRow r;
  r.state = r.state_code = state;
  r.agency = name;
  r.model = model;
  r.model_raw = ToString(model);
  r.signed_date = signed_date;
  r.key = state + "|" + name + "|" + ToString(model);
  return r;
}

std::vector<std::pair<size_t, size_t>> Match(const RosterRow& gone, bool gone_now, const RosterRow& added) {
  return MatchCorrections({{&gone, gone_now}}, {&added});
}

TEST_CASE("a state fix needs the same name, model and SIGNED date, and the swap in one publication") {
  RosterRow ny = Row("NY", "lake placid police department", Model::TFM, "2025-02-28");
  CHECK(Match(ny, true, Row("FL", "lake placid police department", Model::TFM, "2025-02-28")).size() == 1);
  CHECK(Match(ny, false, Row("FL", "lake placid police department", Model::TFM, "2025-02-28")).empty());
  CHECK(Match(ny, true, Row("FL", "lake placid police department", Model::TFM, "2025-03-01")).empty());
  CHECK(Match(ny, true, Row("FL", "lake placid police department", Model::JEM, "2025-02-28")).empty());  // both
  // A model ICE fixes is told the same way: the same state and date, the swap in one publication.
  CHECK(Match(ny, true, Row("NY", "lake placid police department", Model::JEM, "2025-02-28")).size() == 1);
  CHECK(Match(ny, false, Row("NY", "lake placid police department", Model::JEM, "2025-02-28")).empty());
  CHECK(Match(ny, true, Row("NY", "lake placid police department", Model::JEM, "2025-03-28")).empty());
  CHECK(Match(ny, true, Row("FL", "lake placid police", Model::TFM, "2025-02-28")).empty());
  CHECK(Match(Row("NY", "x", Model::TFM, ""), true, Row("FL", "x", Model::TFM, "")).empty());  // no date to tell
}

TEST_CASE("a value that could not be read, fixed, is the same agreement") {
  RosterRow unknown_model = Row("FL", "polk", Model::JEM, "2025-02-28");
  unknown_model.model = Model::Unknown;
  unknown_model.model_raw = "TBD";
  unknown_model.key = "FL|polk|?tbd";
  CHECK(Match(unknown_model, false, Row("FL", "polk", Model::JEM, "2025-02-28")).size() == 1);
  CHECK(Match(unknown_model, true, Row("FL", "polk", Model::WSO, "")).size() == 1);
  RosterRow unknown_state = Row("PA", "pine grove", Model::TFM, "2025-07-15");
  unknown_state.state_code = "";
  unknown_state.state = "PENSILVANYA";
  unknown_state.key = "?pensilvanya|pine grove|TFM";
  CHECK(Match(unknown_state, true, Row("PA", "pine grove", Model::TFM, "2025-07-15")).size() == 1);
  CHECK(Match(unknown_state, true, Row("PA", "pine grove", Model::JEM, "2025-07-15")).empty());  // another model
}

TEST_CASE("each row is used once, the same SIGNED date first") {
  RosterRow a = Row("NY", "x", Model::TFM, "2025-01-01");
  a.model = Model::Unknown;
  a.key = "NY|x|?a";
  a.model_raw = "a";
  RosterRow b = a;
  b.key = "NY|x|?b";
  b.model_raw = "b";
  b.signed_date = "2025-05-05";
  RosterRow fixed = Row("NY", "x", Model::TFM, "2025-05-05");
  auto pairs = MatchCorrections({{&a, true}, {&b, true}}, {&fixed});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].first == 1);
}

}  // namespace
}  // namespace icetrack
