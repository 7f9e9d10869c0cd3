// `icetrack log`, run as a user would: by SIGNED date, after an id, and CSV
// with a column a field, read back by Python's csv module.
#include <doctest/doctest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/ice_workbook.h"
#include "tests/support/json_schema.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Run = test::CommandRun;

using test::Icetrack;

// A baseline of two agreements; then Hays signs (SIGNED 10 May 2025), Polk's
// MOA is published and Lubbock's county is corrected.
struct History {
  test::TempDir dir;
  std::string db = " --db " + dir.File("h.db");
  History() {
    test::IceWorkbook first;
    first.modified = test::UnixTime(2025, 5, 1);
    first.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Task Force Model", test::Serial(2025, 2, 20)),
                  test::Row("TEXAS", "Lubbock County Sheriff's Office", "Jail Enforcement Model", test::Serial(2025, 3, 1))};
    first.rows[0].moa_text = "link pending";
    first.rows[0].moa_url = "";
    test::IceWorkbook second = first;
    second.modified = test::UnixTime(2025, 5, 19);
    second.rows[0].moa_text = "link";
    second.rows[0].moa_url = "https://www.ice.gov/doclib/287gMOA/polk.pdf";
    second.rows[1].county = "Lubbock, TX";
    second.rows.push_back(test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model", test::Serial(2025, 5, 10)));
    test::WriteIceWorkbook(dir.File("p1.xlsx"), first);
    test::WriteIceWorkbook(dir.File("p2.xlsx"), second);
    Run import = Icetrack("import" + db + " " + dir.File("p1.xlsx") + " " + dir.File("p2.xlsx"));
    REQUIRE_MESSAGE(import.exit_code == 0, import.err);
  }
  nlohmann::json Log(const std::string& args) {
    Run run = Icetrack("log --json " + args + db);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    return nlohmann::json::parse(run.out);
  }
};

TEST_CASE("log --json validates against docs/events.schema.json") {
  History h;
  Run log = Icetrack("log --json" + h.db);
  REQUIRE_MESSAGE(log.exit_code == 0, log.err);
  CHECK(nlohmann::json::parse(log.out).size() >= 4);
  CHECK(test::JsonTextSchemaErrors("events.schema.json", log.out) == "");
}

TEST_CASE("log --signed-since and --signed-until filter by the SIGNED date, not the publication") {
  History h;
  auto may = h.Log("--signed-since 2025-05-01 --signed-until 2025-05-31");
  REQUIRE(may.size() == 1);
  CHECK(may[0]["kind"] == "signed");
  CHECK(may[0]["agency"] == "Hays County Sheriff's Office");
  CHECK(may[0]["signed"] == "2025-05-10");
  CHECK(h.Log("--signed-since 2025-05-10 --signed-until 2025-05-10").size() == 1);  // both ends included
  CHECK(h.Log("--signed-since 2025-05-11").empty());
  auto early = h.Log("--signed-until 2025-02-28");  // Polk's events; the baseline has no SIGNED date
  REQUIRE_FALSE(early.empty());
  for (const auto& e : early) CHECK(e["agency"] == "Polk County Sheriff's Office");
  Run backwards = Icetrack("log --signed-since 2025-06-01 --signed-until 2025-05-01" + h.db);
  CHECK(backwards.exit_code == 2);
  CHECK(backwards.err.find("no day lies between them") != std::string::npos);
  CHECK(Icetrack("log --signed-since 2025-5-1" + h.db).exit_code == 2);
}

TEST_CASE("log --after-id gives only the events since the last one seen") {
  History h;
  auto all = h.Log("");
  REQUIRE(all.size() >= 3);
  int64_t oldest = all.back()["id"];
  auto newer = h.Log("--after-id " + std::to_string(oldest));
  CHECK(newer.size() == all.size() - 1);
  for (const auto& e : newer) CHECK(e["id"].get<int64_t>() > oldest);
  CHECK(h.Log("--after-id " + all.front()["id"].dump()).empty());
  CHECK(Icetrack("log --after-id -1" + h.db).exit_code == 2);
  CHECK(Icetrack("log --after-id x" + h.db).exit_code == 2);
}

TEST_CASE("log --csv has a column a field and a line a changed field, and Python's csv reads it") {
  History h;
  Run csv = Icetrack("log --csv" + h.db);
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("\xEF\xBB\xBFid,uid,at,snapshot,kind,list,key,state_code,agency,model,agency_type,county,signed,"
                      "moa_url,since,detail,field,old,new\r\n", 0) == 0);
  test::TempDir dir;
  std::string path = dir.File("log.csv");
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(csv.out.data(), 1, csv.out.size(), f);
  std::fclose(f);
  Run python = test::RunCommand(
      "/usr/bin/python3 -c 'import csv, json, sys; "
      "print(json.dumps(list(csv.DictReader(open(sys.argv[1], encoding=\"utf-8-sig\", newline=\"\")))))' " + path);
  REQUIRE_MESSAGE(python.exit_code == 0, python.err);
  auto lines = nlohmann::json::parse(python.out);
  bool moa = false, county = false, signed_line = false;
  for (const auto& l : lines) {
    if (l["kind"] == "moa_published" && l["field"] == "moa_url")
      moa = l["old"] == "" && l["new"] == "https://www.ice.gov/doclib/287gMOA/polk.pdf";
    if (l["field"] == "county") county = l["old"] == "Some County" && l["new"] == "Lubbock, TX";
    if (l["kind"] == "signed") signed_line = l["signed"] == "2025-05-10" && l["field"] == "";
  }
  CHECK(moa);
  CHECK(county);  // a comma inside a value survives
  CHECK(signed_line);
  // Every event is there: its lines share its id.
  std::set<std::string> ids;
  for (const auto& l : lines) ids.insert(l["id"].get<std::string>());
  CHECK(ids.size() == h.Log("").size());
}

}  // namespace
}  // namespace icetrack
