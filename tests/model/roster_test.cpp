#include <doctest/doctest.h>

#include "model/roster.h"
#include "model/table.h"

namespace icetrack {

TEST_CASE("list kinds and models round-trip through their names") {
  ListKind kind;
  CHECK(ParseListKind("pending", &kind));
  CHECK(kind == ListKind::Pending);
  CHECK(std::string(ToString(ListKind::Participating)) == "participating");
  CHECK_FALSE(ParseListKind("signed", &kind));
  Model model;
  for (Model m : {Model::JEM, Model::TFM, Model::WSO}) {
    REQUIRE(ParseModel(ToString(m), &model));
    CHECK(model == m);
  }
  CHECK_FALSE(ParseModel("", &model));
  CHECK(std::string(ToString(LinkStatus::Pending)) == "pending");
}

TEST_CASE("models are counted, unknown ones apart") {
  std::vector<RosterRow> rows(4);
  rows[0].model = Model::JEM;
  rows[1].model = Model::WSO;
  rows[2].model = Model::WSO;
  ModelCounts c = CountModels(rows);
  CHECK(c.jem == 1);
  CHECK(c.tfm == 0);
  CHECK(c.wso == 2);
  CHECK(c.unknown == 1);
}

TEST_CASE("cells are named as in a spreadsheet") {
  CHECK(ColumnName(0) == "A");
  CHECK(ColumnName(25) == "Z");
  CHECK(ColumnName(26) == "AA");
  CHECK(ColumnName(27) == "AB");
  CHECK(ColumnName(16383) == "XFD");
  CHECK(CellName(12, 2) == "C12");
}

}  // namespace icetrack
