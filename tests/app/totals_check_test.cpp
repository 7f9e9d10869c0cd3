#include "app/totals_check.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

Roster WithModels(ListKind kind, std::vector<Model> models) {
  Roster roster;
  roster.kind = kind;
  for (Model m : models) {
    RosterRow row;
    row.model = m;
    roster.rows.push_back(row);
  }
  return roster;
}

TEST_CASE("totals that agree, or that the page does not state, give no event") {
  AsOfTotals totals;
  Roster roster = WithModels(ListKind::Participating, {Model::JEM, Model::WSO, Model::WSO});
  CHECK_FALSE(CheckTotals(totals, Pack(roster)));  // nothing stated
  totals.jem = 1;
  totals.wso = 2;  // TFM not stated: not compared
  CHECK_FALSE(CheckTotals(totals, Pack(roster)));
  totals.pending = 7;  // another list's figure
  CHECK_FALSE(CheckTotals(totals, Pack(roster)));
}

TEST_CASE("each differing figure is named, page first") {
  AsOfTotals totals;
  totals.as_of = "As of March 17, 2025, at 3 p.m.";
  totals.jem = 76;
  totals.wso = 143;
  totals.tfm = 0;
  totals.total_moas = 3;
  Roster roster = WithModels(ListKind::Participating, {Model::JEM, Model::WSO, Model::Unknown});
  std::optional<ChangeEvent> e = CheckTotals(totals, Pack(roster));
  REQUIRE(e);
  CHECK(e->kind == EventKind::TotalsMismatch);
  CHECK(e->list == ListKind::Participating);
  CHECK(e->detail == "As of March 17, 2025, at 3 p.m.: JEM 76 on the page, 1 in the workbook; "
                     "WSO 143 on the page, 1 in the workbook");
}

TEST_CASE("the pending list is checked against the pending count and its own As-of") {
  AsOfTotals totals;
  totals.as_of = "As of June 5, 2025, at 4 p.m.";
  totals.pending_as_of = "As of June 5, 2025";
  totals.jem = 99;
  totals.pending = 88;
  Roster roster = WithModels(ListKind::Pending, {Model::JEM, Model::TFM});
  std::optional<ChangeEvent> e = CheckTotals(totals, Pack(roster));
  REQUIRE(e);
  CHECK(e->list == ListKind::Pending);
  CHECK(e->detail == "As of June 5, 2025: pending applications 88 on the page, 2 in the workbook");
  totals.pending = 2;
  CHECK_FALSE(CheckTotals(totals, Pack(roster)));
}

}  // namespace
}  // namespace icetrack
