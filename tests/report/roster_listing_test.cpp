#include "report/roster_listing.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

RosterListing Listing() {
  RosterListing l;
  l.at = "2025-05-19T23:59:59Z";
  SnapshotInfo s;
  s.id = 4;
  s.published_at = "2025-05-19T13:00:00Z";
  s.source_name = "participatingAgencies05192025am.xlsx";
  l.snapshot = s;
  RosterEntry e;
  e.agreement_id = 12;
  e.row.state = "Florida";
  e.row.state_code = "FL";
  e.row.agency = "Polk County Sheriff's Office, Jail";
  e.row.agency_type = "County";
  e.row.county = "Polk";
  e.row.model = Model::TFM;
  e.row.signed_date = "2025-02-20";
  e.row.moa_url = "https://www.ice.gov/doclib/polk.pdf";
  e.row.moa_status = LinkStatus::Link;
  e.row.key = "FL|polk county sheriffs office jail|TFM";
  e.row.extra = {{"NOTES", "renewed"}};
  e.first_listed = "2025-03-01T10:00:00Z";
  e.last_changed = "2025-05-19T13:00:00Z";
  l.entries.push_back(e);
  return l;
}

TEST_CASE("a roster's CSV has a byte-order mark, the columns, and a line a row") {
  std::string csv = RosterCsv(Listing().entries);
  CHECK(csv ==
        "\xEF\xBB\xBFlist,state_code,state,agency,agency_type,county,model,signed,moa_url,moa_status,addendum_url,"
        "first_listed,last_changed,agreement_id,key\r\n"
        "participating,FL,Florida,\"Polk County Sheriff's Office, Jail\",County,Polk,TFM,2025-02-20,"
        "https://www.ice.gov/doclib/polk.pdf,link,,2025-03-01T10:00:00Z,2025-05-19T13:00:00Z,12,"
        "FL|polk county sheriffs office jail|TFM\r\n");
}

TEST_CASE("a roster's JSON names its publication and gives every column, empty ones null") {
  auto j = RosterListingJson(Listing());
  CHECK(j["list"] == "participating");
  CHECK(j["snapshot"]["id"] == 4);
  CHECK(j["count"] == 1);
  const auto& row = j["rows"][0];
  CHECK(row.size() == RosterColumns().size() + 1);  // and "extra"
  CHECK(row["agreement_id"] == 12);
  CHECK(row["addendum_url"].is_null());
  CHECK(row["extra"]["NOTES"] == "renewed");
  RosterListing none;
  none.at = "2020-01-01T00:00:00Z";
  CHECK(RosterListingJson(none)["snapshot"].is_null());
  CHECK(RosterListingJson(none)["rows"].empty());
}

TEST_CASE("a roster's text says which publication it is, then a line a row") {
  std::string text = RosterText(Listing());
  CHECK(text ==
        "The participating list as of 2025-05-19T23:59:59Z: 1 row (snapshot #4, published 2025-05-19T13:00:00Z, "
        "participatingAgencies05192025am.xlsx)\n"
        "FL  TFM  2025-02-20  Polk County Sheriff's Office, Jail (Polk, County)  MOA https://www.ice.gov/doclib/polk.pdf\n");
}

}  // namespace
}  // namespace icetrack
