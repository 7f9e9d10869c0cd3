// The icetrack binary, run as a user would.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "tests/support/ice_workbook.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Run = test::CommandRun;

using test::Icetrack;

TEST_CASE("parse --json prints one document with rows, counts and warnings") {
  test::TempDir dir;
  test::IceWorkbook book;
  test::IceRow a = test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model", test::Serial(2025, 2, 26));
  test::IceRow b = test::Row("TEXAS", "Hays County", "Task Force Model");
  b.signed_text = "5/31/20026";
  book.rows = {a, b};
  test::WriteIceWorkbook(dir.File("p.xlsx"), book);
  Run run = Icetrack("parse --json " + dir.File("p.xlsx"));
  REQUIRE(run.exit_code == 0);
  auto j = nlohmann::json::parse(run.out);
  CHECK(j["file"] == dir.File("p.xlsx"));
  CHECK(j["kind"] == "participating");
  CHECK(j["sheet"] == "Sheet1");
  CHECK(j["counts"]["JEM"] == 1);
  CHECK(j["counts"]["TFM"] == 1);
  CHECK(j["counts"]["unknown"] == 0);
  REQUIRE(j["rows"].size() == 2);
  CHECK(j["rows"][0]["signed"] == "2025-02-26");
  CHECK(j["rows"][0]["state_code"] == "FL");
  CHECK(j["rows"][0]["moa_status"] == "link");
  CHECK(j["rows"][1]["signed"].is_null());
  CHECK(j["rows"][1]["signed_raw"] == "5/31/20026");
  REQUIRE(j["warnings"].size() == 1);
  CHECK(j["warnings"][0]["row"] == 3);
  CHECK(j["warnings"][0]["column"] == "SIGNED");
}

TEST_CASE("parse prints a table and a summary") {
  test::TempDir dir;
  test::IceWorkbook book;
  book.rows = {test::Row("OHIO", "Butler County Sheriff's Office", "WSO")};
  test::WriteIceWorkbook(dir.File("t.xlsx"), book);
  Run run = Icetrack("parse " + dir.File("t.xlsx"));
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("Butler County Sheriff's Office") != std::string::npos);
  CHECK(run.out.find("1 rows: JEM 0, TFM 0, WSO 1, unknown model 0") != std::string::npos);
}

TEST_CASE("a bad file gives one line on stderr, exit code 4 and no output") {
  test::TempDir dir;
  test::WriteFile(dir.File("blocked.xlsx"), "<!DOCTYPE html><html><body>Request blocked</body></html>");
  Run run = Icetrack("parse --json " + dir.File("blocked.xlsx"));
  CHECK(run.exit_code == 4);
  CHECK(run.out.empty());
  CHECK(run.err == "icetrack: " + dir.File("blocked.xlsx") + ": is an HTML page, not a workbook\n");
}

TEST_CASE("output that cannot be written is an error with its own code, not a success") {
  test::TempDir dir;
  test::IceWorkbook book;
  for (int i = 0; i < 500; ++i) book.rows.push_back(test::Row("OHIO", "Agency " + std::to_string(i), "WSO"));
  test::WriteIceWorkbook(dir.File("p.xlsx"), book);
  for (const char* format : {"--json", ""}) {
    CAPTURE(format);
    // /dev/full takes nothing: every write fails with ENOSPC.
    Run run = test::RunCommand("{ " + std::string(ICETRACK_BINARY) + " parse " + format + " " + dir.File("p.xlsx") +
                               " >/dev/full; }");
    CHECK(run.exit_code == 10);
    CHECK(run.err.rfind("icetrack: cannot write the output", 0) == 0);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
  Run version = test::RunCommand("{ " + std::string(ICETRACK_BINARY) + " --version >/dev/full; }");
  CHECK(version.exit_code == 10);
  CHECK(version.err.rfind("icetrack: cannot write the output", 0) == 0);
}

TEST_CASE("--version, --help and usage errors") {
  Run version = Icetrack("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("icetrack " ICETRACK_VERSION) != std::string::npos);
  Run help = Icetrack("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("parse") != std::string::npos);
  CHECK(help.out.find("Exit codes") != std::string::npos);
  CHECK(Icetrack("parse").exit_code == 2);
  CHECK(Icetrack("frobnicate").exit_code == 2);
}

}  // namespace
}  // namespace icetrack
