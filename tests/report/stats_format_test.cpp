#include "report/stats_format.h"

#include <doctest/doctest.h>

#include "model/us_state.h"

namespace icetrack {
namespace {

RosterEntry Entry(const std::string& state, int i, Model model = Model::TFM) {
  RosterEntry e;
  e.row.state_code = state;
  e.row.agency = "agency " + std::to_string(i);
  e.row.model = model;
  e.row.key = state + "|agency " + std::to_string(i) + "|" + ToString(model);
  return e;
}

SnapshotInfo Published(int64_t id, const std::string& at) {
  SnapshotInfo s;
  s.id = id;
  s.published_at = at;
  s.source_name = "list.xlsx";
  return s;
}

// 19 May 2025 as the seed article counts it: 588 agreements in 40 states,
// 257 of them in Florida, 83 applications pending.
StatsReport SeedReport() {
  std::vector<RosterEntry> participating, pending;
  for (int i = 0; i < 257; ++i) participating.push_back(Entry("FL", i));
  int state = 0;
  for (int i = 257; i < 588; ++i) {  // 331 more over 39 other states
    const char* code = UsStates()[1 + (state++ % 39)].code;  // AK .. SC, Wyoming in Florida's place
    if (std::string(code) == "FL") code = "WY";
    participating.push_back(Entry(code, i));
  }
  for (int i = 0; i < 83; ++i) pending.push_back(Entry(i % 2 ? "TX" : "FL", 1000 + i));
  StatsReport r;
  ParseIsoTime("2025-05-19T23:59:59Z", &r.at);
  r.by = Grouping::State;
  r.participating = Published(10, "2025-05-19T13:00:00Z");
  r.pending = Published(9, "2025-05-15T13:00:00Z");
  r.groups = TallyRoster(participating, Grouping::State, TallyOrder::Count);
  r.by_state = r.groups;
  r.pending_groups = TallyRoster(pending, Grouping::State, TallyOrder::Count);
  return r;
}

TEST_CASE("the seed article's sentence comes out of the counts of 19 May 2025") {
  StatsReport r = SeedReport();
  REQUIRE(r.by_state.states == 40);
  CHECK(StatsHeadline(r) == "588 agreements across 40 states, 83 pending, Florida 257 (44 %)");
  std::string text = StatsText(r);
  CHECK(text.rfind("As of 2025-05-19T23:59:59Z: 588 agreements across 40 states, 83 pending, Florida 257 (44 %).\n", 0) == 0);
  CHECK(text.find("FL  Florida") != std::string::npos);
  CHECK(text.find("43.7 %") != std::string::npos);
  CHECK(text.find("days old") == std::string::npos);  // four days is not stale
  auto j = StatsJson(r);
  CHECK(j["agreements"] == 588);
  CHECK(j["states"] == 40);
  CHECK(j["pending_rows"] == 83);
  CHECK(j["groups"][0]["group"] == "FL");
  CHECK(j["groups"][0]["name"] == "Florida");
  CHECK(j["groups"][0]["pending"] == 42);
  CHECK(j["participating"]["stale_days"].is_null());
}

TEST_CASE("a publication over a week older than the date asked for is said to be, with its age") {
  StatsReport r = SeedReport();
  ParseIsoTime("2025-06-10T00:00:00Z", &r.at);
  CHECK(StatsHeadline(r) == "588 agreements across 40 states, 83 pending (as of 2025-05-15), Florida 257 (44 %)");
  CHECK(StatsText(r).find("published 2025-05-19T13:00:00Z (list.xlsx), 21 days old") != std::string::npos);
  CHECK(StatsJson(r)["participating"]["stale_days"] == 21);
}

TEST_CASE("without a pending list the sentence has no pending part, and CSV ends with the total") {
  StatsReport r = SeedReport();
  r.pending.reset();
  r.pending_groups = RosterTally();
  CHECK(StatsHeadline(r) == "588 agreements across 40 states, Florida 257 (44 %)");
  std::string csv = StatsCsv(r);
  CHECK(csv.rfind("\xEF\xBB\xBFstate,name,agreements,agencies,share,pending\r\nFL,Florida,257,257,0.4371,\r\n", 0) == 0);
  CHECK(csv.find("\r\ntotal,,588,588,1.0000,\r\n") != std::string::npos);
  CHECK(StatsJson(r)["pending_rows"].is_null());
}

TEST_CASE("one agreement in one state is said in the singular") {
  StatsReport r;
  ParseIsoTime("2025-05-19T00:00:00Z", &r.at);
  r.participating = Published(1, "2025-05-18T00:00:00Z");
  r.groups = r.by_state = TallyRoster({Entry("TX", 1)}, Grouping::State, TallyOrder::Count);
  CHECK(StatsHeadline(r) == "1 agreement across 1 state, Texas 1 (100 %)");
}

}  // namespace
}  // namespace icetrack
