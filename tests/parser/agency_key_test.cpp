#include <doctest/doctest.h>

#include "parser/agency_key.h"

namespace icetrack {
namespace {

RosterRow Make(std::string code, std::string agency, Model model, std::string signed_date = "") {
  RosterRow r;
  r.state_code = std::move(code);
  r.state = r.state_code;
  r.agency = std::move(agency);
  r.model = model;
  r.signed_date = std::move(signed_date);
  r.key = AgencyKey(r);
  return r;
}

TEST_CASE("one agency written two ways is one key") {
  CHECK(Make("WY", "Laramie County Sheriff\xE2\x80\x99s Office", Model::JEM).key ==
        Make("WY", "LARAMIE COUNTY SHERIFF'S OFFICE ", Model::JEM).key);
  CHECK(Make("FL", "Polk County Sheriff's Office", Model::JEM).key == "FL|polk county sheriffs office|JEM");
  CHECK(Make("FL", "Polk County Sheriff's Office", Model::JEM).key !=
        Make("FL", "Polk County Sheriff's Office", Model::WSO).key);
}

TEST_CASE("unknown state or model stay visible in the key") {
  RosterRow r;
  r.state = "Atlantis";
  r.agency = "Police";
  r.model_raw = "Harbor Model";
  CHECK(AgencyKey(r) == "?atlantis|police|?harbor model");
}

TEST_CASE("rows sharing a key are kept apart by content, whatever their order") {
  std::vector<RosterRow> a = {Make("TX", "X PD", Model::TFM, "2025-02-01"), Make("TX", "Y PD", Model::TFM),
                              Make("TX", "X PD", Model::TFM, "2025-01-01")};
  a[0].source_row = 2;
  a[2].source_row = 4;
  std::vector<Warning> w = SeparateDuplicateKeys(&a);
  REQUIRE(w.size() == 1);
  CHECK(w[0].row == 2);
  CHECK(a[2].key == "TX|x pd|TFM");
  CHECK(a[0].key == "TX|x pd|TFM#2");
  std::vector<RosterRow> b = {Make("TX", "X PD", Model::TFM, "2025-01-01"), Make("TX", "X PD", Model::TFM, "2025-02-01")};
  SeparateDuplicateKeys(&b);
  CHECK(b[0].key == "TX|x pd|TFM");
  CHECK(b[1].key == "TX|x pd|TFM#2");
}

}  // namespace
}  // namespace icetrack
