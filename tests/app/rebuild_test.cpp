// `icetrack rebuild` and `accept` of a snapshot with history after it, end to
// end: the real binary, real workbooks, a real SQLite file, and a SIGKILL.
#include <doctest/doctest.h>

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/fixtures.h"
#include "tests/support/ice_workbook.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Json = nlohmann::json;
using test::CommandRun;
using test::QueryInt;

using test::Icetrack;

void Exec(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
  std::string why = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(handle);
  REQUIRE_MESSAGE(rc == SQLITE_OK, why);
}

// A synthetic history of `count` publications, imported into `db`.
void ImportHistory(const test::TempDir& dir, const std::string& db, int count, int rows) {
  std::string args = "import -q --db " + db;
  for (int i = 0; i < count; ++i) {
    std::string path = dir.File("p" + std::to_string(i) + ".xlsx");
    test::WriteIceWorkbook(path, test::GrowingListPublication(i, rows));
    args += " " + path;
  }
  CommandRun run = Icetrack(args);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
}

std::string Log(const std::string& db) { return Icetrack("log --json --db " + db).out; }

TEST_CASE("rebuild of an unchanged history changes nothing, ids included") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  ImportHistory(dir, db, 12, 60);
  std::string before = test::DumpTables(db, test::ChangeLogTables());
  CommandRun run = Icetrack("rebuild --db " + db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out == "rebuilt the change log from 12 stored publications (rules 4.3: removed after 3 publications "
                   "and 7 days, quarantined beyond 25%): 0 events added, 0 disappeared\n");
  CHECK(test::DumpTables(db, test::ChangeLogTables()) == before);
}

TEST_CASE("rebuild under other rules says what it added and what disappeared — found events keep their ids") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  ImportHistory(dir, db, 12, 60);
  Json before = Json::parse(Log(db));
  CommandRun run = Icetrack("rebuild --json --removal-after 1 --removal-after-days 0 --db " + db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  Json report = Json::parse(run.out);
  CHECK(report["snapshots"] == 12);
  REQUIRE(!report["added"].empty());
  for (const Json& e : report["added"]) CHECK(e["kind"] == "removed");  // removals at once, now
  Json after = Json::parse(Log(db));
  std::map<std::string, int64_t> ids;
  for (const Json& e : before) ids[e["uid"]] = e["id"];
  int64_t max_before = 0;
  for (const auto& [uid, id] : ids) max_before = std::max(max_before, id);
  size_t kept = 0;
  for (const Json& e : after) {
    auto old = ids.find(e["uid"]);
    if (old == ids.end()) {
      CHECK(e["id"].get<int64_t>() > max_before);  // new events get new ids, never an old one
      continue;
    }
    CHECK(e["id"] == old->second);
    ++kept;
  }
  CHECK(kept + report["disappeared"].size() == before.size());
  CHECK(after.size() == kept + report["added"].size());
  // The database keeps the rules it was rebuilt under: the next writer diffs by them, rebuilding nothing.
  CommandRun import = Icetrack("import -q --db " + db + " " + dir.File("p0.xlsx"));
  REQUIRE(import.exit_code == 0);
  CHECK(import.err.empty());
  CHECK(Json::parse(Log(db)) == after);
  // Back to the default rules: the log is the one a fresh import gives.
  REQUIRE(Icetrack("rebuild -q --removal-after 3 --removal-after-days 7 --db " + db).exit_code == 0);
  std::string fresh = dir.File("fresh.db");
  ImportHistory(dir, fresh, 12, 60);
  Json restored = Json::parse(Log(db)), imported = Json::parse(Log(fresh));
  REQUIRE(restored.size() == imported.size());
  for (size_t i = 0; i < restored.size(); ++i) {
    CHECK(restored[i]["uid"] == imported[i]["uid"]);
    CHECK(restored[i]["kind"] == imported[i]["kind"]);
  }
}

// The events of a log, without the ids a database gives them: what was said, and when.
std::vector<std::string> Said(const std::string& db) {
  std::vector<std::string> out;
  for (const auto& e : Json::parse(Log(db)))
    out.push_back(e["at"].get<std::string>() + " " + e["uid"].get<std::string>() + " " + e["kind"].get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("a publication that arrives after newer ones takes its place in history on rebuild, no false events") {
  test::TempDir dir;
  std::vector<std::string> files;
  for (int i = 0; i < 6; ++i) {
    files.push_back(dir.File("p" + std::to_string(i) + ".xlsx"));
    test::WriteIceWorkbook(files.back(), test::GrowingListPublication(i, 40));
  }
  std::string in_order = dir.File("in-order.db"), late = dir.File("late.db");
  REQUIRE(Icetrack("import -q --db " + in_order + " " + files[0] + " " + files[1] + " " + files[2] + " " + files[3] +
                   " " + files[4] + " " + files[5]).exit_code == 0);
  // The third publication arrives last, as an archived capture found later would.
  for (int i : {0, 1, 3, 4, 5, 2}) REQUIRE(Icetrack("import -q --db " + late + " " + files[static_cast<size_t>(i)]).exit_code == 0);
  CHECK(QueryInt(late, "SELECT count(*) FROM snapshots WHERE status = 'late'") == 1);
  CHECK(Said(late) != Said(in_order));  // its rows said nothing yet
  CommandRun rebuild = Icetrack("rebuild -q --db " + late);
  REQUIRE_MESSAGE(rebuild.exit_code == 0, rebuild.err);
  CHECK(QueryInt(late, "SELECT count(*) FROM snapshots WHERE status = 'late'") == 0);
  CHECK(Said(late) == Said(in_order));
}

TEST_CASE("a SIGKILL in the middle of a rebuild leaves the database exactly as it was") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  ImportHistory(dir, db, 16, 1000);
  std::string before = test::DumpTables(db, test::ChangeLogTables());
  int err[2];
  REQUIRE(pipe(err) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Other rules, so that a rebuild that finished would show.
    std::vector<std::string> args = {ICETRACK_BINARY, "rebuild", "-q", "-v", "--removal-after", "1",
                                     "--removal-after-days", "0", "--db", db};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    dup2(err[1], STDERR_FILENO);
    close(err[0]);
    execv(ICETRACK_BINARY, argv.data());
    _exit(127);
  }
  close(err[1]);
  // Read its progress until half the publications are read again (the
  // transaction is open then: it commits after the last one), and kill it.
  std::string said;
  char buf[256];
  while (said.find("read 8 of 16 publications again") == std::string::npos) {
    ssize_t n = read(err[0], buf, sizeof buf);
    if (n <= 0) break;
    said.append(buf, static_cast<size_t>(n));
  }
  bool writing = said.find("read 8 of 16 publications again") != std::string::npos;
  kill(pid, SIGKILL);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE_MESSAGE(writing, said);
  REQUIRE(WIFSIGNALED(status));  // killed, not finished
  std::string integrity;
  QueryInt(db, "PRAGMA integrity_check", &integrity);
  CHECK(integrity == "ok");
  CHECK(test::DumpTables(db, test::ChangeLogTables()) == before);
  // And the same rebuild, left to finish, does change it.
  REQUIRE(Icetrack("rebuild -q --removal-after 1 --removal-after-days 0 --db " + db).exit_code == 0);
  CHECK(test::DumpTables(db, test::ChangeLogTables()) != before);
}

TEST_CASE("a stored workbook the reader can no longer read stops the rebuild and changes nothing") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  ImportHistory(dir, db, 4, 20);
  std::string before = test::DumpTables(db, test::ChangeLogTables());
  Exec(db, "UPDATE workbooks SET content = CAST('PK broken' AS BLOB) WHERE sha256 = (SELECT sha256 FROM snapshots WHERE id = 3)");
  CommandRun run = Icetrack("rebuild --db " + db);
  CHECK(run.exit_code == 4);
  CHECK(run.out.empty());
  CHECK(run.err.rfind("icetrack: " + db + ": snapshot 3 can no longer be read (", 0) == 0);
  CHECK(run.err.find("); the database is left as it was\n") != std::string::npos);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK(test::DumpTables(db, test::ChangeLogTables()) == before);
}

TEST_CASE("a change log built under older rules is rebuilt by the next writer, which says what changed") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  ImportHistory(dir, db, 6, 30);
  std::string before = Log(db);
  Exec(db, "UPDATE settings SET value = '1.1' WHERE name = 'rules_version'");
  CommandRun run = Icetrack("import -q --db " + db + " " + dir.File("p0.xlsx"));
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err == "icetrack: " + db + ": the change log was built under rules 1.1: removed after 3 publications "
                   "and 7 days, quarantined beyond 25%; now rules 4.3: removed after 3 publications and 7 days, "
                   "quarantined beyond 25%: rebuilt from 6 stored publications: 0 events added, 0 disappeared\n");
  CHECK(Log(db) == before);
  std::string version;
  QueryInt(db, "SELECT value FROM settings WHERE name = 'rules_version'", &version);
  CHECK(version == "4.3");
  CHECK(Icetrack("import -q --db " + db + " " + dir.File("p0.xlsx")).err.empty());  // once
}

test::IceWorkbook Book(std::vector<test::IceRow> rows, int day) {
  test::IceWorkbook book;
  book.rows = std::move(rows);
  book.modified = test::UnixTime(2026, 1, day);
  return book;
}

std::vector<test::IceRow> Five() {
  return {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model"),
          test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model"),
          test::Row("OHIO", "Butler County Sheriff's Office", "Warrant Service Officer"),
          test::Row("GEORGIA", "Cobb County Sheriff's Office", "Jail Enforcement Model"),
          test::Row("ALABAMA", "Baldwin County Sheriff's Office", "Task Force Model")};
}

TEST_CASE("accept releases a quarantined snapshot that has later publications after it, and diffs them again") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  std::vector<test::IceRow> two = {Five()[0], Five()[1]};
  std::vector<test::IceRow> later = two;
  later.push_back(test::Row("KANSAS", "Johnson County Sheriff's Office", "Warrant Service Officer"));
  test::WriteIceWorkbook(dir.File("a.xlsx"), Book(Five(), 1));
  test::WriteIceWorkbook(dir.File("b.xlsx"), Book(two, 2));    // three gone at once: quarantined
  test::WriteIceWorkbook(dir.File("c.xlsx"), Book(later, 12));  // still quarantined: 3 of 5
  CommandRun import = Icetrack("import --db " + db + " " + dir.File("a.xlsx") + " " + dir.File("b.xlsx") + " " +
                               dir.File("c.xlsx"));
  REQUIRE_MESSAGE(import.exit_code == 0, import.err);
  REQUIRE(QueryInt(db, "SELECT count(*) FROM snapshots WHERE status = 'quarantined'") == 2);
  // The reviewer judges the first one good: the history after it is diffed again.
  CommandRun accept = Icetrack("accept 2 --db " + db);
  REQUIRE_MESSAGE(accept.exit_code == 0, accept.err);
  CHECK(accept.out.rfind("accepted snapshot #2 (participating, 2 rows): 3 missing\n"
                         "later publications were diffed again: ", 0) == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM snapshots WHERE status = 'quarantined'") == 0);
  CHECK(QueryInt(db, "SELECT accepted_by_hand FROM snapshots WHERE id = 2") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'suspicious_snapshot' AND snapshot_id = 3") == 0);
  // Snapshot 3 follows 2 now: one signing; the three are missing (two publications are not three).
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE snapshot_id = 3 AND kind = 'signed'") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM agreements WHERE status = 'missing' AND misses = 2") == 3);
  CHECK(accept.out.find("+ 2026-01-12  signed") != std::string::npos);
  CHECK(accept.out.find("- 2026-01-02  suspicious_snapshot") == std::string::npos);  // it stays in the history
  CHECK(accept.out.find("- 2026-01-12  suspicious_snapshot") != std::string::npos);  // 3 after 2 is no loss
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'suspicious_snapshot' AND snapshot_id = 2") == 1);
  // Accepting by hand survives a rebuild.
  REQUIRE(Icetrack("rebuild -q --db " + db).exit_code == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM snapshots WHERE status = 'quarantined'") == 0);
  CHECK(Icetrack("accept 2 --db " + db).exit_code == 2);  // accepted already
}

TEST_CASE("a rebuild right after an accept changes nothing: both ways of accepting give one history") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  test::WriteIceWorkbook(dir.File("a.xlsx"), Book(Five(), 1));
  test::WriteIceWorkbook(dir.File("b.xlsx"), Book({Five()[0]}, 2));  // quarantined, and the newest
  REQUIRE(Icetrack("import -q --db " + db + " " + dir.File("a.xlsx") + " " + dir.File("b.xlsx")).exit_code == 0);
  CommandRun accept = Icetrack("accept 2 --db " + db);
  REQUIRE_MESSAGE(accept.exit_code == 0, accept.err);
  CHECK(accept.out == "accepted snapshot #2 (participating, 1 rows): 4 missing\n");
  std::string before = test::DumpTables(db, test::ChangeLogTables());
  CommandRun rebuild = Icetrack("rebuild --db " + db);
  REQUIRE(rebuild.exit_code == 0);
  CHECK(rebuild.out.find("0 events added, 0 disappeared") != std::string::npos);
  CHECK(test::DumpTables(db, test::ChangeLogTables()) == before);
}

TEST_CASE("accept and its rebuild keep the thresholds the database was built with") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  std::vector<test::IceRow> ten;
  for (int i = 0; i < 10; ++i) ten.push_back(test::Row("TEXAS", "Agency " + std::to_string(i), "Task Force Model"));
  std::vector<test::IceRow> four(ten.begin(), ten.begin() + 4);
  test::WriteIceWorkbook(dir.File("a.xlsx"), Book(ten, 1));
  test::WriteIceWorkbook(dir.File("b.xlsx"), Book(four, 2));  // 60 % gone: accepted under 0.7
  test::WriteIceWorkbook(dir.File("c.xlsx"), Book({}, 3));    // empty: quarantined
  test::WriteIceWorkbook(dir.File("d.xlsx"), Book(four, 4));
  CommandRun import = Icetrack("import -q --max-removed-share 0.7 --removal-after 5 --db " + db + " " +
                               dir.File("a.xlsx") + " " + dir.File("b.xlsx") + " " + dir.File("c.xlsx") + " " +
                               dir.File("d.xlsx"));
  REQUIRE_MESSAGE(import.exit_code == 0, import.err);
  REQUIRE(QueryInt(db, "SELECT status = 'accepted' FROM snapshots WHERE id = 2") == 1);
  int64_t missing = QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'missing'");
  CommandRun accept = Icetrack("accept 3 --db " + db);
  REQUIRE_MESSAGE(accept.exit_code == 0, accept.err);
  CHECK(accept.err.empty());
  CHECK(QueryInt(db, "SELECT status = 'accepted' FROM snapshots WHERE id = 2") == 1);  // not quarantined again
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'missing' AND snapshot_id = 2") == missing);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'removed'") == 0);  // 5 publications, not 3
}

TEST_CASE("accept and rebuild say why they failed, with the exit code of the cause") {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  test::WriteIceWorkbook(dir.File("a.xlsx"), Book(Five(), 1));
  test::WriteIceWorkbook(dir.File("b.xlsx"), Book({Five()[0]}, 2));
  test::WriteIceWorkbook(dir.File("c.xlsx"), Book(Five(), 3));
  REQUIRE(Icetrack("import -q --db " + db + " " + dir.File("a.xlsx") + " " + dir.File("b.xlsx") + " " +
                   dir.File("c.xlsx")).exit_code == 0);
  CommandRun none = Icetrack("accept 9 --db " + db);
  CHECK(none.exit_code == 2);
  CHECK(none.err == "icetrack: " + db + ": no snapshot 9 (icetrack log --kind suspicious_snapshot lists the quarantined)\n");
  CommandRun accepted = Icetrack("accept 1 --db " + db);
  CHECK(accepted.exit_code == 2);
  CHECK(accepted.err == "icetrack: " + db + ": snapshot 1 is accepted, not quarantined: there is nothing to accept\n");
  CHECK(Icetrack("accept zero --db " + db).exit_code == 2);
  // A stored workbook the reader cannot read: exit 4, and nothing changed (not even the mark).
  std::string before = test::DumpTables(db, test::ChangeLogTables());
  Exec(db, "UPDATE workbooks SET content = CAST('PK broken' AS BLOB) WHERE sha256 = (SELECT sha256 FROM snapshots WHERE id = 3)");
  CommandRun broken = Icetrack("accept 2 --db " + db);
  CHECK(broken.exit_code == 4);
  CHECK(std::count(broken.err.begin(), broken.err.end(), '\n') == 1);
  CHECK(test::DumpTables(db, test::ChangeLogTables()) == before);
  CHECK(QueryInt(db, "SELECT accepted_by_hand FROM snapshots WHERE id = 2") == 0);
}

// ---------------------------------------------------------------------------
// The real history.

TEST_CASE("the fixtures: rebuild gives the log of a fresh import, ids included") {
  REQUIRE_FIXTURES();
  test::TempDir dir;
  std::string a = dir.File("a.db"), b = dir.File("b.db");
  REQUIRE(Icetrack("import -q --db " + a + " " + test::FixturesDir()).exit_code == 0);
  std::string before = test::DumpTables(a, test::ChangeLogTables());
  CommandRun run = Icetrack("rebuild --db " + a);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out.rfind("rebuilt the change log from 31 stored publications (rules 4.3", 0) == 0);
  CHECK(run.out.find("): 0 events added, 0 disappeared\n") != std::string::npos);
  CHECK(test::DumpTables(a, test::ChangeLogTables()) == before);
  REQUIRE(Icetrack("import -q --db " + b + " " + test::FixturesDir()).exit_code == 0);
  CHECK(Log(a) == Log(b));
}

TEST_CASE("the fixtures: no removal comes back within 30 days with its SIGNED date — no date moved by days is a renewal") {
  REQUIRE_FIXTURES();
  test::TempDir dir;
  std::string db = dir.File("f.db");
  REQUIRE(Icetrack("import -q --db " + db + " " + test::FixturesDir()).exit_code == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM events r JOIN events b ON b.key = r.key AND b.list = r.list "
                     "AND b.kind IN ('signed', 'reappeared') AND julianday(b.at) > julianday(r.at) "
                     "AND julianday(b.at) - julianday(r.at) <= 30 AND COALESCE(b.signed, '') = COALESCE(r.signed, '') "
                     "WHERE r.kind = 'removed'") == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'renewed' AND abs(julianday(json_extract(changes, "
                     "'$.signed[1]')) - julianday(json_extract(changes, '$.signed[0]'))) <= 30") == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'signed_date_corrected'") > 40);
  // Tenaha's SIGNED date typed a year off and fixed is a correction too.
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'signed_date_corrected' AND agency = 'Tenaha Police "
                     "Department' AND changes = '{\"signed\":[\"2025-01-07\",\"2026-01-07\"]}'") == 1);
}

TEST_CASE("the fixtures: an agency ICE moved to its right state is one corrected, never missing plus signed") {
  REQUIRE_FIXTURES();
  test::TempDir dir;
  std::string db = dir.File("f.db");
  REQUIRE(Icetrack("import -q --db " + db + " " + test::FixturesDir()).exit_code == 0);
  struct Fix {
    const char* agency;
    const char* from;
    const char* to;
    const char* model;
  };
  for (const Fix& fix : {Fix{"Cass County Sheriff's Office", "MT", "MN", "TFM"},
                         Fix{"Lake Placid Police Department", "NY", "FL", "TFM"},
                         Fix{"Wichita County Sheriff's Office", "OK", "TX", "WSO"}}) {
    CAPTURE(fix.agency);
    std::string agency = std::string(fix.agency);
    for (size_t at = agency.find('\''); at != std::string::npos; at = agency.find('\'', at + 2)) agency.insert(at, "'");
    CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'corrected' AND agency = '" + agency +
                       "' AND json_extract(changes, '$.state') = json_array('" + fix.from + "', '" + fix.to + "')") == 1);
    CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind IN ('missing', 'removed') AND agency = '" + agency +
                       "' AND state_code = '" + fix.from + "'") == 0);
    CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'signed' AND agency = '" + agency +
                       "' AND state_code = '" + fix.to + "' AND model = '" + fix.model + "'") == 0);
  }
  // Brown County NE and KS are two agencies (other SIGNED dates): no correction between them.
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'corrected' AND agency LIKE 'Brown County%' "
                     "AND json_extract(changes, '$.state') IS NOT NULL") == 0);
}

}  // namespace
}  // namespace icetrack
