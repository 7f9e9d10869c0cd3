#include <doctest/doctest.h>

#include "parser/header_map.h"

#include "tests/support/text_rows.h"

namespace icetrack {
namespace {

TableRow Header(const std::vector<std::string>& names) { return test::TextRow(1, names); }

TEST_CASE("ICE's headers map to fields, case- and space-insensitively") {
  auto map = ReadHeader(Header({"STATE", "LAW ENFORCEMENT AGENCY ", "type", "COUNTY", "Support  Type",
                                "SIGNED", "MOA", "ADDENDUM", "NOTES"}));
  REQUIRE(map);
  CHECK(map->columns[1].field == Field::Agency);
  CHECK(map->columns[2].field == Field::AgencyType);
  CHECK(map->columns[4].field == Field::Model);
  CHECK(map->columns[5].field == Field::Signed);
  CHECK(map->columns[7].field == Field::Addendum);
  CHECK(map->columns[8].field == Field::Extra);
  CHECK(map->columns[8].header == "NOTES");
  CHECK(map->Has(Field::Signed));
}

TEST_CASE("synonyms, and rows that are no header") {
  auto map = ReadHeader(Header({"State", "Agency Name", "287(g) Model", "Date Signed"}));
  REQUIRE(map);
  CHECK(map->columns[2].field == Field::Model);
  CHECK(map->columns[3].field == Field::Signed);
  CHECK_FALSE(ReadHeader(Header({"287(g) Participating Agencies as of May 2026"})));
  CHECK_FALSE(ReadHeader(Header({"STATE", "TOTAL"})));
}

}  // namespace
}  // namespace icetrack
