#include "report/roster_format.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

namespace icetrack {
namespace {

RosterHeader Header() {
  RosterHeader h;
  h.kind = ListKind::Participating;
  h.sheet = "Sheet1";
  h.header_row = 1;
  h.ignored_sheets = {"Totals"};
  return h;
}

RosterRow Agency(int n, Model model) {
  RosterRow r;
  r.source_row = n + 1;
  r.state = "FLORIDA";
  r.state_code = "FL";
  r.agency = "Agency " + std::to_string(n) + " Sheriff\xE2\x80\x99s Office";
  r.model = model;
  r.model_raw = ToString(model);
  r.signed_date = "2025-02-26";
  r.key = "FL|agency " + std::to_string(n) + "|" + ToString(model);
  return r;
}

// Writes `rows` rows through `sink`; the pieces it wrote.
std::vector<std::string> Stream(int rows, bool json) {
  std::vector<std::string> pieces;
  WriteText write = [&](std::string_view text) { pieces.emplace_back(text); };
  std::unique_ptr<RosterSink> sink;
  if (json) sink = std::make_unique<RosterJsonWriter>("a.xlsx", write);
  else sink = std::make_unique<RosterTableWriter>("a.xlsx", write);
  sink->Begin(Header());
  for (int i = 0; i < rows; ++i) sink->Row(Agency(i, i % 3 == 0 ? Model::JEM : Model::TFM));
  sink->End({{3, "STATE", "\"TEXSA\" read as TX"}});
  return pieces;
}

std::string Joined(const std::vector<std::string>& pieces) {
  std::string all;
  for (const std::string& p : pieces) all += p;
  return all;
}

TEST_CASE("the JSON document is written in pieces and parses whole") {
  std::vector<std::string> pieces = Stream(2000, true);
  CHECK(pieces.size() > 2);  // never held whole
  for (size_t i = 0; i + 1 < pieces.size(); ++i) CHECK(pieces[i].size() < 2 * kFlushBytes);
  nlohmann::json j = nlohmann::json::parse(Joined(pieces));
  CHECK(j["file"] == "a.xlsx");
  CHECK(j["ignored_sheets"] == nlohmann::json::array({"Totals"}));
  REQUIRE(j["rows"].size() == 2000);
  CHECK(j["rows"][1999]["agency"] == "Agency 1999 Sheriff\xE2\x80\x99s Office");
  CHECK(j["rows"][0]["county"].is_null());
  CHECK(j["counts"]["JEM"] == 667);
  CHECK(j["counts"]["TFM"] == 1333);
  CHECK(j["counts"]["total"] == 2000);
  CHECK(j["warnings"][0]["message"] == "\"TEXSA\" read as TX");
  CHECK(Joined(pieces).back() == '\n');
}

TEST_CASE("an empty roster is a document with empty lists") {
  nlohmann::json j = nlohmann::json::parse(Joined(Stream(0, true)));
  CHECK(j["rows"].is_array());
  CHECK(j["rows"].empty());
  CHECK(j["counts"]["total"] == 0);
}

TEST_CASE("the table pads by characters and ends with the summary") {
  std::string table = Joined(Stream(2, false));
  CHECK(table.rfind("ST  AGENCY", 0) == 0);
  // 44 characters wide, though the apostrophe is three bytes.
  CHECK(table.find("FL  Agency 0 Sheriff\xE2\x80\x99s Office" + std::string(44 - 24, ' ') + "  ") != std::string::npos);
  CHECK(table.find("a.xlsx: participating list, sheet \"Sheet1\", header row 1\n") != std::string::npos);
  CHECK(table.find("2 rows: JEM 1, TFM 1, WSO 0, unknown model 0\n") != std::string::npos);
  CHECK(table.find("ignored sheet \"Totals\" (not the roster)\n") != std::string::npos);
  CHECK(table.find("warning: row 3, STATE: \"TEXSA\" read as TX\n") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
