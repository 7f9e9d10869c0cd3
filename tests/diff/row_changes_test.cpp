#include <doctest/doctest.h>

#include "diff/row_changes.h"

namespace icetrack {
namespace {

const std::set<std::string> kAll = {"signed", "moa", "addendum", "county", "agency_type"};
const std::string kAt = "2026-03-01T12:00:00Z";  // the publication

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

RosterRow SignedOn(const std::string& date, const std::string& moa_url = "https://www.ice.gov/a.pdf") {
  RosterRow r = Base();
  r.signed_date = date;
  r.moa_url = moa_url;
  r.moa_status = moa_url.empty() ? LinkStatus::Pending : LinkStatus::Link;
  return r;
}

TEST_CASE("spelling that keeps the key is not an event") {
  RosterRow b = Base();
  b.agency = "Polk County Sheriff\xE2\x80\x99s Office";
  b.state = "FLORIDA ";
  b.model_raw = "Jail Enforcement Model";
  b.source_row = 99;
  CHECK(RowChanges(ListKind::Participating, Base(), b, kAll, kAt).empty());
}

TEST_CASE("a SIGNED date moved by days is ICE correcting itself, not a new agreement") {
  for (const char* to : {"2025-02-25", "2025-02-27", "2025-03-28", "2025-01-27"}) {
    CAPTURE(to);
    auto events = RowChanges(ListKind::Participating, Base(), SignedOn(to), kAll, kAt);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::SignedDateCorrected);
    CHECK(events[0].changes[0].field == "signed");
    CHECK(events[0].changes[0].new_value == to);
  }
  auto events = RowChanges(ListKind::Participating, Base(), SignedOn("2025-02-25"), kAll, kAt);
  CHECK(events[0].detail == "moved 1 day earlier");
}

TEST_CASE("a SIGNED date moved to the same day a year off is a typed year fixed") {
  RosterRow tenaha = SignedOn("2025-01-07");
  CHECK(SignedDateMove(tenaha, SignedOn("2026-01-07"), kAt) == EventKind::SignedDateCorrected);
  CHECK(SignedDateMove(tenaha, SignedOn("2024-01-07"), kAt) == EventKind::SignedDateCorrected);
  CHECK(RowChanges(ListKind::Participating, tenaha, SignedOn("2026-01-07"), kAll, kAt)[0].detail ==
        "moved 1 year later");
  // Years one digit apart are a typo only when one of them cannot be: after the publication.
  CHECK(SignedDateMove(SignedOn("2052-06-12"), SignedOn("2025-06-12"), kAt) == EventKind::SignedDateCorrected);
  CHECK(SignedDateMove(SignedOn("2025-06-12"), SignedOn("2035-06-12"), kAt) == EventKind::SignedDateCorrected);
  CHECK(SignedDateMove(SignedOn("2020-06-30"), SignedOn("2025-06-30"), kAt) == EventKind::Renewed);
  CHECK(SignedDateMove(SignedOn("2015-03-01"), SignedOn("2025-03-01"), kAt) == EventKind::Renewed);
  CHECK(SignedDateMove(tenaha, SignedOn("2031-01-07"), kAt) == EventKind::Renewed);  // two digits, not a typo
}

TEST_CASE("a larger move on a listing with an MOA is a renewal — without any MOA it is a correction") {
  CHECK(SignedDateMove(SignedOn("2025-10-17"), SignedOn("2025-12-02"), kAt) == EventKind::Renewed);
  CHECK(SignedDateMove(SignedOn("2025-02-26"), SignedOn("2025-03-29"), kAt) == EventKind::Renewed);  // 31 days
  CHECK(SignedDateMove(SignedOn("2025-10-17", ""), SignedOn("2025-12-02", ""), kAt) == EventKind::SignedDateCorrected);
  CHECK(SignedDateMove(SignedOn("2025-10-17", ""), SignedOn("2025-12-02"), kAt) == EventKind::Renewed);  // a new MOA linked
  auto events = RowChanges(ListKind::Participating, SignedOn("2025-10-17"), SignedOn("2025-12-02"), kAll, kAt);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Renewed);
  CHECK(events[0].detail == "moved 46 days later");
}

TEST_CASE("a date that becomes readable is a correction, not a re-signing") {
  RosterRow a = Base();
  a.signed_date = "";
  a.signed_raw = "5/31/20026";
  RosterRow b = Base();
  b.signed_raw = "45804";
  auto events = RowChanges(ListKind::Participating, a, b, kAll, kAt);
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
  auto events = RowChanges(ListKind::Participating, Base(), b, kAll, kAt);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::MoaChanged);
  CHECK(events[0].changes[0].old_value == "link");
  CHECK(events[0].changes[0].new_value == "pending");
  CHECK(events[0].moa_url.empty());  // the row as it is now
}

TEST_CASE("fields one publication lacks are not compared") {
  RosterRow b = Base();
  b.county = "Polk County";
  b.moa_status = LinkStatus::None;
  CHECK(RowChanges(ListKind::Participating, Base(), b, {"signed"}, kAt).empty());
  CHECK(RowChanges(ListKind::Participating, Base(), b, kAll, kAt).size() == 2);
}

TEST_CASE("identity changes go in front of the row's own corrections, in one event") {
  RosterRow after = Base();
  after.county = "Polk County";
  std::vector<ChangeEvent> events = RowChanges(ListKind::Participating, Base(), after, kAll, kAt);
  PrependCorrection(ListKind::Participating, after, {{"state", "GA", "FL"}}, &events);
  REQUIRE(events.size() == 1);
  REQUIRE(events[0].changes.size() == 2);
  CHECK(events[0].changes[0].field == "state");
  CHECK(events[0].changes[1].field == "county");
  std::vector<ChangeEvent> none;
  PrependCorrection(ListKind::Participating, after, {{"state", "GA", "FL"}}, &none);
  REQUIRE(none.size() == 1);
  CHECK(none[0].kind == EventKind::Corrected);
  CHECK(none[0].county == "Polk County");
}

}  // namespace
}  // namespace icetrack
