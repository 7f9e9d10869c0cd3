// `icetrack roster` and `icetrack stats`, run as a user would on a store
// imported from workbooks in ICE's layout: every format read back by a
// real reader (Python's csv module, icetrack's own XLSX reader).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/us_state.h"
#include "parser/xlsx_reader.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/json_schema.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Run = test::CommandRun;

using test::Icetrack;

using test::ReadFile;

// Two publications of the participating list (Hays signs in the second,
// Polk's MOA is published) and one of the pending list.
struct History {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  History() {
    test::IceWorkbook first;
    first.modified = test::UnixTime(2025, 5, 1);
    first.rows = {test::Row("FLORIDA", "Polk County Sheriff\xE2\x80\x99s Office", "Task Force Model", test::Serial(2025, 2, 20)),
                  test::Row("TEXAS", "Lubbock County Sheriff's Office, Jail", "Jail Enforcement Model", test::Serial(2025, 3, 1))};
    first.rows[0].moa_text = "link pending";
    first.rows[0].moa_url = "";
    test::IceWorkbook second = first;
    second.modified = test::UnixTime(2025, 5, 19);
    second.rows[0].moa_text = "link";
    second.rows[0].moa_url = "https://www.ice.gov/doclib/287gMOA/polk.pdf";
    second.rows.push_back(test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model", test::Serial(2025, 5, 10)));
    test::IceWorkbook pending;
    pending.participating = false;
    pending.modified = test::UnixTime(2025, 5, 15);
    pending.rows = {test::Row("OHIO", "Butler County Sheriff's Office", "Warrant Service Officer")};
    test::WriteIceWorkbook(dir.File("p1.xlsx"), first);
    test::WriteIceWorkbook(dir.File("p2.xlsx"), second);
    test::WriteIceWorkbook(dir.File("pending.xlsx"), pending);
    Run import = Icetrack("import --db " + db + " " + dir.File("p1.xlsx") + " " + dir.File("p2.xlsx") + " " +
                          dir.File("pending.xlsx"));
    REQUIRE_MESSAGE(import.exit_code == 0, import.err);
  }
};

TEST_CASE("roster: the list as of a date, filtered, with every field and when each row was first listed") {
  History h;
  Run now = Icetrack("roster --json --db " + h.db);
  REQUIRE_MESSAGE(now.exit_code == 0, now.err);
  auto j = nlohmann::json::parse(now.out);
  CHECK(j["list"] == "participating");
  CHECK(j["count"] == 3);
  const auto& polk = j["rows"][0];  // by state, then agency
  CHECK(polk["agency"] == "Polk County Sheriff\xE2\x80\x99s Office");
  CHECK(polk["signed"] == "2025-02-20");
  CHECK(polk["moa_url"] == "https://www.ice.gov/doclib/287gMOA/polk.pdf");
  CHECK(polk["first_listed"] == "2025-05-01T12:00:00Z");
  CHECK(polk["last_changed"] == "2025-05-19T12:00:00Z");
  CHECK(j["rows"][1]["agency"] == "Hays County Sheriff's Office");
  CHECK(j["rows"][1]["first_listed"] == "2025-05-19T12:00:00Z");
  Run before = Icetrack("roster --json --at 2025-05-18 --db " + h.db);
  auto b = nlohmann::json::parse(before.out);
  CHECK(b["count"] == 2);
  CHECK(b["rows"][0]["moa_url"].is_null());
  CHECK(b["rows"][0]["moa_status"] == "pending");
  Run texas = Icetrack("roster --state Texas --model tfm --db " + h.db);
  REQUIRE(texas.exit_code == 0);
  CHECK(texas.out.find("The participating list as of ") == 0);
  CHECK(texas.out.find("1 row (snapshot #") != std::string::npos);
  CHECK(texas.out.find("TX  TFM  2025-05-10  Hays County Sheriff's Office") != std::string::npos);
  CHECK(texas.out.find("Lubbock") == std::string::npos);
  auto pending = nlohmann::json::parse(Icetrack("roster --list pending --json --db " + h.db).out);
  CHECK(pending["count"] == 1);
  CHECK(pending["rows"][0]["state_code"] == "OH");
  // The view gives SQL users the same rows.
  CHECK(test::QueryInt(h.db, "SELECT COUNT(*) FROM current_roster WHERE list = 'participating'") == 3);
}

TEST_CASE("roster --json and stats --json validate against docs/roster.schema.json and docs/stats.schema.json") {
  History h;
  for (const char* args : {"roster --json", "roster --json --at 2025-05-18", "roster --json --at 2020-01-01",
                           "roster --list pending --json"})
    CHECK_MESSAGE(test::JsonTextSchemaErrors("roster.schema.json", Icetrack(std::string(args) + " --db " + h.db).out) == "",
                  args);
  for (const char* args : {"stats --json", "stats --json --by state,model --sort name", "stats --json --by model",
                           "stats --json --at 2020-01-01", "stats --json --at 2025-07-01"})
    CHECK_MESSAGE(test::JsonTextSchemaErrors("stats.schema.json", Icetrack(std::string(args) + " --db " + h.db).out) == "",
                  args);
}

TEST_CASE("roster --csv parses back, with Python's csv module, to the rows of roster --json") {
  History h;
  Run csv = Icetrack("roster --csv --out " + h.dir.File("roster.csv") + " --db " + h.db);
  REQUIRE_MESSAGE(csv.exit_code == 0, csv.err);
  CHECK(csv.out.empty());
  std::string bytes = ReadFile(h.dir.File("roster.csv"));
  CHECK(bytes.rfind("\xEF\xBB\xBFlist,state_code,", 0) == 0);
  Run python = test::RunCommand(
      "/usr/bin/python3 -c 'import csv, json, sys; "
      "print(json.dumps(list(csv.DictReader(open(sys.argv[1], encoding=\"utf-8-sig\", newline=\"\")))))' " +
      h.dir.File("roster.csv"));
  REQUIRE_MESSAGE(python.exit_code == 0, python.err);
  auto from_csv = nlohmann::json::parse(python.out);
  auto from_json = nlohmann::json::parse(Icetrack("roster --json --db " + h.db).out)["rows"];
  REQUIRE(from_csv.size() == from_json.size());
  for (size_t i = 0; i < from_csv.size(); ++i) {
    for (auto it = from_json[i].begin(); it != from_json[i].end(); ++it) {
      const std::string column = it.key();
      const nlohmann::json& value = it.value();
      if (column == "extra") continue;
      std::string expected = value.is_null() ? "" : value.is_number() ? value.dump() : value.get<std::string>();
      CHECK_MESSAGE(from_csv[i][column] == expected, column);
    }
  }
}

TEST_CASE("roster --xlsx writes a workbook icetrack's reader reads back, with dates and links") {
  History h;
  std::string path = h.dir.File("roster.xlsx");
  Run xlsx = Icetrack("roster --xlsx --out " + path + " --db " + h.db);
  REQUIRE_MESSAGE(xlsx.exit_code == 0, xlsx.err);
  std::unique_ptr<XlsxReader> reader;
  REQUIRE(XlsxReader::OpenBuffer(ReadFile(path), path, ZipLimits(), &reader).ok());
  REQUIRE(reader->sheets().size() == 1);
  CHECK(reader->sheets()[0].name == "Roster");
  std::vector<TableRow> rows;
  REQUIRE(reader->ReadSheet(0, [&](const TableRow& r) {
    rows.push_back(r);
    for (Cell& c : rows.back().cells) c.Own();
    return true;
  }).ok());
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].cells[3].Text() == "Polk County Sheriff\xE2\x80\x99s Office");
  const Cell& signed_cell = rows[1].cells[7];
  CHECK(signed_cell.is_date);
  CHECK(signed_cell.number == test::Serial(2025, 2, 20));
  CHECK(rows[1].cells[8].hyperlink == "https://www.ice.gov/doclib/287gMOA/polk.pdf");
  CHECK(Icetrack("roster --xlsx --db " + h.db).exit_code == 2);  // a workbook is not for a terminal
}

TEST_CASE("roster before any publication, and an --out that cannot be written") {
  History h;
  Run early = Icetrack("roster --json --at 2020-01-01 --db " + h.db);
  CHECK(early.exit_code == 0);
  CHECK(early.err == "icetrack: no participating list was published by 2020-01-01T23:59:59Z\n");
  CHECK(nlohmann::json::parse(early.out)["snapshot"].is_null());
  Run bad = Icetrack("roster --csv --out " + h.dir.File("no/such/dir/r.csv") + " --db " + h.db);
  CHECK(bad.exit_code == 10);
  CHECK(bad.err.rfind("icetrack: " + h.dir.File("no/such/dir/r.csv") + ": cannot write it", 0) == 0);
  CHECK(Icetrack("roster --at 2025-13-01 --db " + h.db).exit_code == 2);
  CHECK(Icetrack("roster --state Atlantis --db " + h.db).exit_code == 2);
  CHECK(Icetrack("roster --list signed --db " + h.db).exit_code == 2);
}

// A publication of 19 May 2025 as the seed article counted it: 588 agreements
// in 40 states, 257 in Florida; 83 applications pending.
TEST_CASE("stats says the seed article's sentence for 19 May 2025, sorted by count, with agencies and states") {
  test::TempDir dir;
  test::IceWorkbook list;
  list.modified = test::UnixTime(2025, 5, 19);
  for (int i = 0; i < 588; ++i) {
    std::string state = i < 257 ? "Florida" : std::string(UsStates()[1 + (i % 39)].name);
    if (state == "Florida" && i >= 257) state = "Wyoming";
    // Florida's first agency has two models: two agreements, one agency.
    std::string agency = i == 1 ? "Agency 0" : "Agency " + std::to_string(i);
    list.rows.push_back(test::Row(state, agency, i == 1 ? "Jail Enforcement Model" : "Task Force Model"));
  }
  test::IceWorkbook pending;
  pending.participating = false;
  pending.modified = test::UnixTime(2025, 5, 15);
  for (int i = 0; i < 83; ++i) pending.rows.push_back(test::Row("TEXAS", "Applicant " + std::to_string(i), "Task Force Model"));
  test::WriteIceWorkbook(dir.File("list.xlsx"), list);
  test::WriteIceWorkbook(dir.File("pending.xlsx"), pending);
  std::string db = " --db " + dir.File("h.db");
  REQUIRE(Icetrack("import" + db + " " + dir.File("list.xlsx") + " " + dir.File("pending.xlsx")).exit_code == 0);
  Run stats = Icetrack("stats --at 2025-05-19" + db);
  REQUIRE_MESSAGE(stats.exit_code == 0, stats.err);
  CHECK(stats.out.rfind("As of 2025-05-19T23:59:59Z: 588 agreements across 40 states, 83 pending, Florida 257 (44 %).\n", 0) == 0);
  CHECK(stats.out.find("587 distinct agencies") != std::string::npos);
  CHECK(stats.out.find("TX  Texas") > stats.out.find("FL  Florida"));  // by count
  auto j = nlohmann::json::parse(Icetrack("stats --json --sort name --at 2025-05-19" + db).out);
  CHECK(j["groups"][0]["group"] == "AK");
  CHECK(j["agencies"] == 587);
  Run csv = Icetrack("stats --csv --by model --at 2025-05-19" + db);
  CHECK(csv.out.find("\r\nTFM,TFM,587,587,0.9983,83\r\n") != std::string::npos);
  CHECK(csv.out.find("\r\ntotal,,588,587,1.0000,83\r\n") != std::string::npos);
  CHECK(Icetrack("stats --sort size" + db).exit_code == 2);
  // Asked for in mid June, the counts are said to be those of a publication 3 weeks old.
  Run june = Icetrack("stats --at 2025-06-10" + db);
  CHECK(june.out.find("83 pending (as of 2025-05-15)") != std::string::npos);
  CHECK(june.out.find("22 days old") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
