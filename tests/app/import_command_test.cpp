// `icetrack import`, run as a user would: argument order, idempotence, bad
// files, and a SIGKILL in the middle of an import.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/ice_workbook.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

using Run = test::CommandRun;

using test::Icetrack;

std::vector<std::string> WritePublications(const test::TempDir& dir, int count, int base_rows) {
  std::vector<std::string> paths;
  for (int i = 0; i < count; ++i) {
    // Names sort against publication order, so that order must come from the workbooks.
    paths.push_back(dir.File("z" + std::to_string(100 - i) + ".xlsx"));
    test::WriteIceWorkbook(paths.back(), test::GrowingListPublication(i, base_rows));
  }
  return paths;
}

std::string Join(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += " " + p;
  return out;
}

using test::QueryInt;

TEST_CASE("import follows publication order, whatever the argument order, and a second import adds nothing") {
  test::TempDir dir;
  std::vector<std::string> paths = WritePublications(dir, 6, 40);
  Run forward = Icetrack("import --db " + dir.File("a.db") + Join(paths));
  REQUIRE_MESSAGE(forward.exit_code == 0, forward.err);
  std::vector<std::string> reversed(paths.rbegin(), paths.rend());
  REQUIRE(Icetrack("import --db " + dir.File("b.db") + Join(reversed)).exit_code == 0);
  REQUIRE(Icetrack("import --db " + dir.File("c.db") + " " + dir.path()).exit_code == 0);  // a folder
  std::string a = Icetrack("log --json --db " + dir.File("a.db")).out;
  CHECK(a == Icetrack("log --json --db " + dir.File("b.db")).out);
  CHECK(a == Icetrack("log --json --db " + dir.File("c.db")).out);
  auto events = nlohmann::json::parse(a);
  CHECK(events.size() > 10);
  CHECK(events.back()["kind"] == "baseline");
  CHECK(events.back()["at"] == "2026-01-01T12:00:00Z");

  Run again = Icetrack("import --db " + dir.File("a.db") + Join(paths));
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("already stored") != std::string::npos);
  CHECK(Icetrack("log --json --db " + dir.File("a.db")).out == a);
  CHECK(QueryInt(dir.File("a.db"), "SELECT COUNT(*) FROM snapshots") == 6);
}

TEST_CASE("a bad file is reported and skipped — the others are imported — the exit code says so") {
  test::TempDir dir;
  std::vector<std::string> paths = WritePublications(dir, 2, 10);
  test::WriteFile(dir.File("blocked.xlsx"), "<html><body>Access denied</body></html>");
  std::string full = test::ReadFile(paths[0]);
  test::WriteFile(dir.File("cut.xlsx"), full.substr(0, full.size() / 2));
  Run run = Icetrack("import --db " + dir.File("x.db") + Join(paths) + " " + dir.File("blocked.xlsx") + " " + dir.File("cut.xlsx"));
  CHECK(run.exit_code == 4);
  CHECK(run.err.find("icetrack: " + dir.File("blocked.xlsx") + ": is an HTML page, not a workbook (skipped)\n") != std::string::npos);
  CHECK(run.err.find("icetrack: " + dir.File("cut.xlsx") + ": truncated or damaged zip archive") != std::string::npos);
  CHECK(run.err.find("2 file(s) could not be imported") != std::string::npos);
  CHECK(QueryInt(dir.File("x.db"), "SELECT COUNT(*) FROM snapshots") == 2);
}

// A folder's next workbook is read on a second thread (app/parse_ahead.h);
// a workbook imported alone is read on the one thread. Both give one history.
TEST_CASE("a folder imported at once gives the history of its workbooks imported one at a time") {
  test::TempDir dir;
  std::vector<std::string> paths = WritePublications(dir, 8, 30);
  // One whose sheet is cut: only the reading thread finds it (its time is read before).
  std::string cut = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row";
  test::ReplacePart(paths[3], dir.File("cut.xlsx"), "xl/worksheets/sheet1.xml", &cut);
  Run folder = Icetrack("import --db " + dir.File("folder.db") + " " + dir.path());
  CHECK(folder.exit_code == 4);
  CHECK(folder.err.find("icetrack: " + dir.File("cut.xlsx") + ": xl/worksheets/sheet1.xml") != std::string::npos);
  CHECK(folder.err.find("1 file(s) could not be imported") != std::string::npos);
  for (const std::string& path : paths) REQUIRE(Icetrack("import -q --db " + dir.File("one.db") + " " + path).exit_code == 0);
  std::string log = Icetrack("log --json --db " + dir.File("one.db")).out;
  CHECK(nlohmann::json::parse(log).size() > 10);
  CHECK(Icetrack("log --json --db " + dir.File("folder.db")).out == log);
  const char* snapshots = "SELECT group_concat(sha256 || published_at || rows || status, ',') FROM snapshots ORDER BY id";
  std::string in_folder, one_by_one;
  QueryInt(dir.File("folder.db"), snapshots, &in_folder);
  QueryInt(dir.File("one.db"), snapshots, &one_by_one);
  CHECK(in_folder == one_by_one);
  Run again = Icetrack("import --db " + dir.File("folder.db") + Join(paths));
  CHECK(again.exit_code == 0);
  CHECK(std::count(again.out.begin(), again.out.end(), '\n') == 8);
  size_t stored = 0;
  for (size_t at = again.out.find("already stored"); at != std::string::npos; at = again.out.find("already stored", at + 1))
    ++stored;
  CHECK(stored == 8);
}

TEST_CASE("log, show and stats read the imported history") {
  test::TempDir dir;
  std::vector<std::string> paths = WritePublications(dir, 3, 30);
  REQUIRE(Icetrack("import -q --db " + dir.File("h.db") + Join(paths)).exit_code == 0);
  Run log = Icetrack("log --db " + dir.File("h.db") + " --kind signed --state tx");
  CHECK(log.exit_code == 0);
  CHECK(log.out.find("signed") != std::string::npos);
  CHECK(log.out.find("  TX  ") != std::string::npos);
  CHECK(log.out.find("  FL  ") == std::string::npos);
  Run csv = Icetrack("log --csv --db " + dir.File("h.db"));
  CHECK(csv.out.rfind("\xEF\xBB\xBFid,uid,at,snapshot,kind,list,key,state_code,agency,model,agency_type,county,"
                      "signed,moa_url,since,detail,field,old,new\r\n", 0) == 0);
  // Every event carries its row's SIGNED date, MOA URL, county and agency type, in every format.
  auto events = nlohmann::json::parse(Icetrack("log --json --kind signed --db " + dir.File("h.db")).out);
  REQUIRE(!events.empty());
  for (const auto& e : events) {
    CHECK(e["signed"].is_string());
    CHECK(e["moa_url"].get<std::string>().rfind("https://", 0) == 0);
    CHECK(e["agency_type"].is_string());
    CHECK(e.contains("county"));
    CHECK(e["uid"].get<std::string>().size() == 32);
    CHECK(csv.out.find("," + e["signed"].get<std::string>() + "," + e["moa_url"].get<std::string>() + ",") !=
          std::string::npos);
  }
  CHECK(log.out.find("  signed 20") != std::string::npos);
  CHECK(log.out.find("  MOA https://") != std::string::npos);
  Run show = Icetrack("show --db " + dir.File("h.db") + " \"agency 31 police\"");
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("Agency 31 Police Department") != std::string::npos);
  CHECK(show.out.find("signed") != std::string::npos);
  Run stats = Icetrack("stats --json --by state --db " + dir.File("h.db") + " --at 2026-01-02");
  auto j = nlohmann::json::parse(stats.out);
  CHECK(j["participating"]["snapshot"] == 2);
  int total = 0;
  for (const auto& g : j["groups"]) total += g["agreements"].get<int>();
  CHECK(total == j["agreements"].get<int>());
  CHECK(Icetrack("log --list pending --db " + dir.File("h.db")).out.empty());
  CHECK(!Icetrack("log --list participating --db " + dir.File("h.db")).out.empty());
  CHECK(Icetrack("log --list signed --db " + dir.File("h.db")).exit_code == 2);
  CHECK(Icetrack("log --model XYZ --db " + dir.File("h.db")).exit_code == 2);
  CHECK(Icetrack("log --kind signd --db " + dir.File("h.db")).exit_code == 2);
}

TEST_CASE("import and accept wait for no one: a held lock makes them exit at once with code 5") {
  test::TempDir dir;
  std::vector<std::string> paths = WritePublications(dir, 1, 5);
  int fd = open(dir.File("l.db.lock").c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(flock(fd, LOCK_EX | LOCK_NB) == 0);
  Run import = Icetrack("import --db " + dir.File("l.db") + Join(paths));
  CHECK(import.exit_code == 5);
  CHECK(import.err.find("another icetrack is running on " + dir.File("l.db")) != std::string::npos);
  CHECK(QueryInt(dir.File("l.db"), "SELECT COUNT(*) FROM snapshots") == -1);  // not even created
  close(fd);
  CHECK(Icetrack("import --db " + dir.File("l.db") + Join(paths)).exit_code == 0);
  fd = open(dir.File("l.db.lock").c_str(), O_RDWR);
  REQUIRE(flock(fd, LOCK_EX | LOCK_NB) == 0);
  CHECK(Icetrack("accept 1 --db " + dir.File("l.db")).exit_code == 5);
  close(fd);
}

TEST_CASE("SIGKILL during an import leaves a sound database that ends with the same change log") {
  test::TempDir dir;
  std::vector<std::string> paths = WritePublications(dir, 16, 1000);
  std::string killed_db = dir.File("killed.db"), clean_db = dir.File("clean.db");

  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::vector<std::string> args = {ICETRACK_BINARY, "import", "-q", "--db", killed_db};
    args.insert(args.end(), paths.begin(), paths.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    execv(ICETRACK_BINARY, argv.data());
    _exit(127);
  }
  // Wait (bounded) until a few snapshots are in, then kill it mid-way.
  bool started = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (QueryInt(killed_db, "SELECT COUNT(*) FROM snapshots") >= 3) {
      started = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(started);
  REQUIRE(WIFSIGNALED(status));  // it really was killed, not finished
  int64_t kept = QueryInt(killed_db, "SELECT COUNT(*) FROM snapshots");
  CHECK(kept < 16);
  std::string integrity;
  QueryInt(killed_db, "PRAGMA integrity_check", &integrity);
  CHECK(integrity == "ok");
  // Every stored snapshot is whole: its rows are all there.
  CHECK(QueryInt(killed_db, "SELECT COUNT(*) FROM snapshots s WHERE status = 'accepted' AND rows != "
                         "(SELECT COUNT(*) FROM snapshot_rows r WHERE r.snapshot_id = s.id)") == 0);

  Run resumed = Icetrack("import -q --db " + killed_db + Join(paths));
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
  REQUIRE(Icetrack("import -q --db " + clean_db + Join(paths)).exit_code == 0);
  std::string a = Icetrack("log --json --db " + killed_db).out;
  CHECK(a.size() > 1000);
  CHECK(a == Icetrack("log --json --db " + clean_db).out);
  QueryInt(killed_db, "PRAGMA integrity_check", &integrity);
  CHECK(integrity == "ok");
}

}  // namespace
}  // namespace icetrack
