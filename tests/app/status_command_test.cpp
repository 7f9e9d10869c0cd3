// `icetrack status` and the metrics file, as a monitor and node_exporter
// read them: exit codes for healthy, stale and failing, and Prometheus text
// that a parser nobody here wrote (python3-prometheus-client) accepts.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/app/fake_page.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Json = nlohmann::json;

struct Tracked {
  test::TempDir dir;
  test::FakePage page;
  std::string config = dir.File("icetrack.toml"), db = dir.File("icetrack.db");
  explicit Tracked(const std::string& extra = "") {
    test::IceWorkbook book;
    book.rows = {test::Row("FL", "Polk County Sheriff's Office", "Task Force Model"),
                 test::Row("TX", "Hays County Sheriff's Office", "Jail Enforcement Model")};
    book.modified = test::UnixTime(2026, 1, 1);
    test::WriteIceWorkbook(dir.File("list.xlsx"), book);
    page.Serve(test::ReadFile(dir.File("list.xlsx")));
    test::WriteFile(config, "[source]\npage = \"" + page.Url() + "\"\n" + extra);
  }
  test::CommandRun Icetrack(const std::string& command) {
    return test::RunCommand(std::string(ICETRACK_BINARY) + " " + command + " --config " + config + " --db " + db);
  }
  test::CommandRun Run() { return Icetrack("run --retry-delay 0.001 --max-attempts 1"); }
};

TEST_CASE("healthy after a good run: exit 0, each list's standing") {
  Tracked t;
  REQUIRE(t.Run().exit_code == 0);
  test::CommandRun s = t.Icetrack("status");
  CHECK(s.exit_code == 0);
  CHECK(s.out.rfind("icetrack is healthy (", 0) == 0);
  CHECK(s.out.find("participating: 2 rows (JEM 1, TFM 1, WSO 0) as published 2026-01-01T12:00:00Z (#1); last checked ") !=
        std::string::npos);
  Json j = Json::parse(t.Icetrack("status --json").out);
  CHECK(j["verdict"] == "healthy");
  CHECK(j["lists"][0]["rows"] == 2);
  CHECK(j["problems"].empty());
}

TEST_CASE("a failing page is exit 9, with the reason") {
  Tracked t;
  REQUIRE(t.Run().exit_code == 0);
  t.page.Fail(true);
  CHECK(t.Run().exit_code == 3);
  test::CommandRun s = t.Icetrack("status");
  CHECK(s.exit_code == 9);
  CHECK(s.out.find("problem: " + t.page.Url() + ": failed in the last 1 run(s), since ") != std::string::npos);
  t.page.Fail(false);
  REQUIRE(t.Run().exit_code == 0);
  CHECK(t.Icetrack("status").exit_code == 0);
}

TEST_CASE("a list not checked for longer than stale_after is exit 8") {
  Tracked t("\n[status]\nstale_after = \"1h\"\n");
  REQUIRE(t.Run().exit_code == 0);
  REQUIRE(test::RunSql(t.db, "UPDATE fetches SET at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-3 hours')"));
  test::CommandRun s = t.Icetrack("status");
  CHECK(s.exit_code == 8);
  CHECK(s.out.find("problem: participating: last checked 3 hours ago") != std::string::npos);
  CHECK(s.out.find("problem: the next run was due ") != std::string::npos);
}

TEST_CASE("a quarantined publication is exit 9, with the command that releases it") {
  Tracked t;
  REQUIRE(t.Run().exit_code == 0);
  test::IceWorkbook empty;
  empty.modified = test::UnixTime(2026, 1, 2);
  test::WriteIceWorkbook(t.dir.File("empty.xlsx"), empty);
  t.page.Serve(test::ReadFile(t.dir.File("empty.xlsx")));
  t.Run();
  test::CommandRun s = t.Icetrack("status --json");
  CHECK(s.exit_code == 9);
  Json j = Json::parse(s.out);
  REQUIRE(j["lists"][0]["quarantined"].size() == 1);
  CHECK(j["lists"][0]["quarantined"][0]["release"] == "icetrack accept 2");
}

TEST_CASE("never run: stale, saying what to do") {
  Tracked t;
  REQUIRE(t.Icetrack("import " + t.dir.File("list.xlsx")).exit_code == 0);
  test::CommandRun s = t.Icetrack("status");
  CHECK(s.exit_code == 8);
  CHECK(s.out.find("last run: never") != std::string::npos);
}

TEST_CASE("the metrics file is Prometheus text that prometheus_client parses, written whole") {
  Tracked t;
  std::string metrics = t.dir.File("icetrack.prom");
  test::CommandRun r = t.Icetrack("run --metrics-file " + metrics);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  test::CommandRun parsed = test::RunCommand(
      "/usr/bin/python3 -c 'import sys\nfrom prometheus_client.parser import text_string_to_metric_families\n"
      "for f in text_string_to_metric_families(open(sys.argv[1]).read()):\n"
      "  for s in f.samples: print(s.name, sorted(s.labels.items()), s.value)' " + metrics);
  REQUIRE_MESSAGE(parsed.exit_code == 0, parsed.err);
  CHECK(parsed.out.find("icetrack_rows [('list', 'participating'), ('model', 'JEM')] 1.0") != std::string::npos);
  CHECK(parsed.out.find("icetrack_rows [('list', 'participating'), ('model', 'TFM')] 1.0") != std::string::npos);
  CHECK(parsed.out.find("icetrack_events [('kind', 'baseline')] 1.0") != std::string::npos);
  CHECK(parsed.out.find("icetrack_last_run_exit_code [] 0.0") != std::string::npos);
  CHECK(parsed.out.find("icetrack_healthy [] 1.0") != std::string::npos);
  CHECK(parsed.out.find("icetrack_alert_deliveries [('status', 'pending')] 0.0") != std::string::npos);
  CHECK(parsed.out.find("icetrack_source_consecutive_failures [('source', '" + t.page.Url() + "')] 0.0") !=
        std::string::npos);
  CHECK(parsed.out.find("icetrack_last_check_timestamp_seconds [('list', 'participating')] ") != std::string::npos);
  // Written through a temporary file and a rename: nothing is left beside it.
  CHECK(test::RunCommand("ls " + t.dir.path() + " | grep -c prom.tmp").out == "0\n");
  test::CommandRun bad = t.Icetrack("run --metrics-file " + t.dir.File("no/such/folder/x.prom"));
  CHECK(bad.exit_code == 0);  // the run is recorded; the metrics are not
  CHECK(bad.err.find("x.prom: cannot write it: No such file or directory (metrics not written)") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
