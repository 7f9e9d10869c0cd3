#include <doctest/doctest.h>

#include "diff/row_changes.h"

namespace icetrack {
namespace {

const std::set<std::string> kAll = {"signed", "moa", "addendum", "county", "agency_type"};

RosterRow Base() {
  RosterRow r;
  r.key = "FL|polk county sheriffs office|JEM";
  r.state_code = "FL";
  r.agency = "Polk County Sheriff's Office";
  r.model = Model::JEM;
  r.signed_date = "2025-02-26";
  r.moa_status = LinkStatus::Link;
  r.moa_url = "https://www.ice.gov/a.pdf";
  r.agency_type = "County";
  return r;
}

TEST_CASE("spelling that keeps the key is not an event") {
  RosterRow b = Base();
  b.agency = "Polk County Sheriff\xE2\x80\x99s Office";
  b.state = "FLORIDA ";
  b.model_raw = "Jail Enforcement Model";
  b.source_row = 99;
  CHECK(RowChanges(ListKind::Participating, Base(), b, kAll).empty());
}

TEST_CASE("a date that becomes readable is a correction, not a re-signing") {
  RosterRow a = Base();
  a.signed_date = "";
  a.signed_raw = "5/31/20026";
  RosterRow b = Base();
  b.signed_raw = "45804";
  auto events = RowChanges(ListKind::Participating, a, b, kAll);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Corrected);
  CHECK(events[0].changes[0].field == "signed");
  CHECK(events[0].changes[0].old_value == "5/31/20026");
  CHECK(events[0].changes[0].new_value == "2025-02-26");
}

TEST_CASE("a link that is withdrawn is a moa_changed") {
  RosterRow b = Base();
  b.moa_status = LinkStatus::Pending;
  b.moa_url = "";
  auto events = RowChanges(ListKind::Participating, Base(), b, kAll);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::MoaChanged);
  CHECK(events[0].changes[0].old_value == "link");
  CHECK(events[0].changes[0].new_value == "pending");
}

TEST_CASE("fields one publication lacks are not compared") {
  RosterRow b = Base();
  b.county = "Polk County";
  b.moa_status = LinkStatus::None;
  CHECK(RowChanges(ListKind::Participating, Base(), b, {"signed"}).empty());
  CHECK(RowChanges(ListKind::Participating, Base(), b, kAll).size() == 2);
}

}  // namespace
}  // namespace icetrack
