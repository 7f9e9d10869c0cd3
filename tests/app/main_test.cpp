// Every subcommand against bad input: a folder, a missing file, an empty
// file, a FIFO, an unreadable folder (as another user), a name that is not
// UTF-8, and a bad value for each option. Each must give exactly one
// `icetrack:` line on stderr and a documented exit code — never an abort,
// never a hang, never exit 0 with nothing done.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "tests/support/ice_workbook.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

using test::CommandRun;

const std::set<int> kDocumentedFailures = {2, 3, 4, 5, 6};

// What a reader says of a database that is not there.
std::string NoDatabase(const std::string& path) {
  return "icetrack: " + path + ": no icetrack database here; `icetrack import --db " + path +
         " FILE…` or `icetrack run --db " + path + "` creates one\n";
}

CommandRun Icetrack(const std::string& args) {
  // `timeout`: a command that blocks (on a FIFO, say) fails the test instead of hanging it.
  return test::RunCommand("timeout 20 " + std::string(ICETRACK_BINARY) + " " + args);
}

// As an unprivileged user: root reads every folder, so the unreadable one must be tried as another.
CommandRun AsNobody(const std::string& args) {
  std::string prefix = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  return test::RunCommand("timeout 20 " + prefix + std::string(ICETRACK_BINARY) + " " + args);
}

// One line, named, with a documented code.
void CheckRefused(const CommandRun& run, const std::string& what) {
  INFO(what << "\n  exit " << run.exit_code << "\n  stderr: " << run.err << "  stdout: " << run.out);
  CHECK(kDocumentedFailures.count(run.exit_code) == 1);
  CHECK(run.err.rfind("icetrack: ", 0) == 0);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK(!run.err.empty());
  CHECK(run.err.back() == '\n');
}

// Bad paths, made once: a folder, a missing file, an empty one, a FIFO, one in an
// unreadable folder, and one whose name is not UTF-8.
struct BadPaths {
  test::TempDir dir;
  std::string folder, missing, empty, fifo, unreadable, not_utf8, workbook;
  BadPaths() {
    chmod(dir.path().c_str(), 0755);  // the other user may enter it, but not `closed`
    folder = dir.File("folder");
    std::filesystem::create_directories(folder);
    missing = dir.File("missing.xlsx");
    empty = dir.File("empty.xlsx");
    test::WriteFile(empty, "");
    fifo = dir.File("pipe.xlsx");
    REQUIRE(mkfifo(fifo.c_str(), 0666) == 0);
    std::filesystem::create_directories(dir.File("closed"));
    test::WriteFile(dir.File("closed/icetrack.db"), "x");
    chmod(dir.File("closed").c_str(), 0);
    unreadable = dir.File("closed/icetrack.db");
    not_utf8 = dir.File("\"$(printf '\\377\\376')\".xlsx");  // for the shell: a name of two bytes that are not UTF-8
    workbook = dir.File("good.xlsx");
    test::IceWorkbook book;
    book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
    test::WriteIceWorkbook(workbook, book);
    chmod(workbook.c_str(), 0644);
  }
  ~BadPaths() { chmod(dir.File("closed").c_str(), 0700); }
  std::vector<std::pair<std::string, std::string>> All() const {
    return {{"a folder", folder}, {"a missing file", missing}, {"an empty file", empty}, {"a FIFO", fifo},
            {"a name that is not UTF-8", not_utf8}};
  }
};

TEST_CASE("a workbook argument that is not a readable workbook file: one line, exit 4") {
  BadPaths p;
  for (const auto& entry : p.All()) {
    const std::string what = entry.first, path = entry.second;  // (clang 14: no structured binding in INFO)
    CommandRun parse = Icetrack("parse " + path);
    CheckRefused(parse, "parse " + what);
    CHECK(parse.exit_code == 4);
    CHECK(parse.out.empty());
    CommandRun import = Icetrack("import --db " + p.dir.File(std::to_string(rand()) + ".db") + " " + path);
    INFO("import " << what << ": " << import.err);
    CHECK(import.exit_code == 4);
    CHECK(import.err.rfind("icetrack: ", 0) == 0);
    CHECK(import.err.find("could not be imported") != std::string::npos);  // and said so at the end
  }
  CommandRun closed = AsNobody("parse " + p.unreadable);
  CheckRefused(closed, "parse, a file in an unreadable folder");
  CHECK(closed.exit_code == 4);
}

TEST_CASE("a folder to import that holds nothing, or cannot be read, is said so — never exit 0") {
  BadPaths p;
  CommandRun empty = Icetrack("import --db " + p.dir.File("e.db") + " " + p.folder);
  CHECK(empty.exit_code == 4);
  CHECK(empty.err.find("icetrack: " + p.folder + ": no workbook (.xlsx) in this folder (skipped)\n") == 0);
  // A readable folder with an unreadable one inside: the readable workbooks are imported, the other named.
  std::filesystem::create_directories(p.dir.File("tree/sub"));
  std::filesystem::copy_file(p.workbook, p.dir.File("tree/good.xlsx"));
  chmod(p.dir.File("tree").c_str(), 0755);
  chmod(p.dir.File("tree/good.xlsx").c_str(), 0644);
  chmod(p.dir.File("tree/sub").c_str(), 0);
  std::filesystem::create_directories(p.dir.File("out"));
  chmod(p.dir.File("out").c_str(), 0777);
  CommandRun tree = AsNobody("import --db " + p.dir.File("out/t.db") + " " + p.dir.File("tree"));
  chmod(p.dir.File("tree/sub").c_str(), 0700);
  CHECK(tree.exit_code == 4);
  CHECK(tree.err.rfind("icetrack: " + p.dir.File("tree/sub") + ": cannot read folder: ", 0) == 0);
  CHECK(tree.out.find("stored #1") != std::string::npos);  // the rest went on
}

TEST_CASE("a database path that is not a database: one line, exit 6, nothing created") {
  BadPaths p;
  std::vector<std::string> readers = {"log --db ", "show polk --db ", "stats --db "};
  std::vector<std::string> writers = {"accept 1 --db ", "rebuild --db ", "import " + p.workbook + " --db ",
                                      "run --retry-delay 0.001 --max-attempts 1 --source http://127.0.0.1:9/287g --db "};
  for (const auto& [what, path] : p.All()) {
    for (const std::string& cmd : readers) {
      CommandRun run = Icetrack(cmd + path);
      CheckRefused(run, cmd + what);
      CHECK(run.exit_code == 6);
    }
    if (what == "a missing file" || what == "a name that is not UTF-8" || what == "an empty file") continue;  // writers create
    for (const std::string& cmd : writers) {
      CommandRun run = Icetrack(cmd + path);
      CheckRefused(run, cmd + what);
      CHECK(run.exit_code == 6);
    }
  }
  CHECK_FALSE(std::filesystem::exists(p.missing));  // the readers made nothing
  for (const std::string& cmd : readers) CheckRefused(AsNobody(cmd + p.unreadable), cmd + "an unreadable folder");
  for (const std::string& cmd : writers) CheckRefused(AsNobody(cmd + p.unreadable), cmd + "an unreadable folder");
  CommandRun typo = Icetrack("log --db " + p.dir.File("typo/x.db"));
  CHECK(typo.err == NoDatabase(p.dir.File("typo/x.db")));
  CHECK_FALSE(std::filesystem::exists(p.dir.File("typo")));
}

TEST_CASE("every option's bad value: one line, exit 2, before anything is read or fetched") {
  test::TempDir dir;
  std::string db = " --db " + dir.File("h.db");
  const char* kBad[] = {
      "", "nope", "--nope", "log --since yesterdya", "log --since 2025-6-1", "log --since ''",
      "log --until 2025-02-30", "log --since 05/01/2026", "log --state XX", "log --state 'Florda'",
      "log --model Q", "log --list signed", "log --kind nope", "log --kind ''", "log --kind signed,",
      "log --json --csv", "log --db ''", "log --state \"$(printf '\\377')\"", "show", "show _", "show \"$(printf '\\377')\"",
      "show %", "show polk --state XX", "show polk --model Q", "show polk --list x", "stats --at yesterdya",
      "stats --at 2025-13-45", "stats --by county", "accept", "accept abc", "accept -1", "accept 0",
      "rebuild --removal-after 0", "rebuild --removal-after-days -1", "rebuild --max-removed-share 2",
      "rebuild --json -q", "import", "import --removal-after 0 x.xlsx", "parse", "parse a.xlsx b.xlsx",
      "run --source ftp://example.org/287g", "run --source ''", "run --timeout 0", "run --max-attempts 0",
      "run --max-body-bytes 1", "run --contact \"$(printf 'a\\tb')\"", "run --removal-after 101",
      "run --json -q"};
  for (const char* args : kBad) {
    std::string line = args;
    bool no_db = line.empty() || line == "nope" || line == "--nope" || line.find("--db") != std::string::npos ||
                 line.rfind("parse", 0) == 0;
    CommandRun run = Icetrack(line + (no_db ? "" : db));
    CheckRefused(run, line);
    CHECK_MESSAGE(run.exit_code == 2, line);
  }
  CHECK_FALSE(std::filesystem::exists(dir.File("h.db")));  // nothing was created on the way
}

TEST_CASE("a code is a code in any case") {
  test::TempDir dir;
  test::IceWorkbook book;
  book.rows = {test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model"),
               test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  book.modified = test::UnixTime(2026, 1, 1);
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  book.rows.push_back(test::Row("TEXAS", "Tye Police Department", "Task Force Model"));
  book.modified = test::UnixTime(2026, 2, 1);
  test::WriteIceWorkbook(dir.File("b.xlsx"), book);
  std::string db = " --db " + dir.File("h.db");
  REQUIRE(Icetrack("import -q" + db + " " + dir.File("a.xlsx") + " " + dir.File("b.xlsx")).exit_code == 0);
  for (const char* args : {"log --state tx --model tfm --list Participating --kind SIGNED", "log --state Texas",
                           "log --model 'task force'", "show department --state TX --model TFM --list participating"}) {
    CommandRun run = Icetrack(std::string(args) + db);
    INFO(args << ": " << run.err);
    CHECK(run.exit_code == 0);
    CHECK_MESSAGE(run.out.find("Tye Police Department") != std::string::npos, std::string(args));
    CHECK_MESSAGE(run.out.find("Polk") == std::string::npos, std::string(args));  // the filter did filter
  }
  CHECK(Icetrack("show sheriff --state fl" + db).out.find("Hays") == std::string::npos);
  CommandRun none = Icetrack("show nothing-like-it --json" + db);
  CHECK(none.exit_code == 0);
  CHECK(none.out == "[]\n");  // an empty answer is an empty array, as log's
  CHECK(Icetrack("log --kind removed --json" + db).out == "[]\n");
  CHECK(Icetrack("stats --by STATE" + db).exit_code == 0);
}


TEST_CASE("a database read in its first moments is there whole or not at all — never 'locked'") {
  test::TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 6; ++i) {
    paths.push_back(dir.File("p" + std::to_string(i) + ".xlsx"));
    test::WriteIceWorkbook(paths.back(), test::GrowingListPublication(i, 400));
  }
  std::string db = dir.File("new.db");
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::vector<std::string> args = {ICETRACK_BINARY, "import", "-q", "--db", db};
    args.insert(args.end(), paths.begin(), paths.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(ICETRACK_BINARY, argv.data());
    _exit(127);
  }
  // Read as fast as possible while it creates and fills the database (bounded: 60 s).
  int reads = 0, answered = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0 && std::chrono::steady_clock::now() < deadline) {
    CommandRun read = Icetrack("stats --json --db " + db);
    ++reads;
    INFO("read " << reads << ": exit " << read.exit_code << ": " << read.err);
    CHECK(read.err.find("locked") == std::string::npos);
    CHECK((read.exit_code == 0 || read.err == NoDatabase(db)));
    answered += read.exit_code == 0;
  }
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(reads > 3);
  MESSAGE(reads << " reads while the database was made, " << answered << " of them answered");
}


TEST_CASE("reading commands work on a database they may not write, as on a read-only medium") {
  test::TempDir dir;
  chmod(dir.path().c_str(), 0755);
  std::filesystem::create_directories(dir.File("ro"));
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  std::string db = dir.File("ro/icetrack.db");
  REQUIRE(Icetrack("import -q --db " + db + " " + dir.File("a.xlsx")).exit_code == 0);
  std::filesystem::remove(db + ".lock");
  chmod(dir.File("ro").c_str(), 0755);  // the other user may read, not write
  chmod(db.c_str(), 0644);
  std::string before = test::ReadFile(db);
  auto listing = [&] {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.File("ro"))) names.insert(entry.path().string());
    return names;
  };
  std::set<std::string> files = listing();
  for (auto entry : {std::pair{"log --db ", "baseline"}, {"show polk --db ", "Polk County"},
                     {"stats --db ", "1 agreement across 1 state"}}) {
    const std::string args = entry.first, answer = entry.second;  // (clang 14: no structured binding in INFO)
    CommandRun run = AsNobody(args + db);
    INFO(args << ": " << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find(answer) != std::string::npos);
  }
  CHECK(test::ReadFile(db) == before);
  CHECK(listing() == files);  // no -wal, -shm or lock made by a reader
  for (const char* args : {"log --db ", "stats --db "}) {  // nor by one that may write the folder
    CHECK(Icetrack(args + db).exit_code == 0);
    CHECK(listing() == files);
  }
  CommandRun write = AsNobody("import -q --db " + db + " " + dir.File("a.xlsx"));
  CheckRefused(write, "import into a database it may not write");
}


TEST_CASE("writers leave another program's database alone, and rebuild or accept make none") {
  test::TempDir dir;
  sqlite3* other = nullptr;
  sqlite3_open(dir.File("notes.db").c_str(), &other);
  sqlite3_exec(other, "CREATE TABLE notes (text); INSERT INTO notes VALUES ('mine')", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  std::string before = test::ReadFile(dir.File("notes.db"));
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  for (const std::string& cmd : {"import " + dir.File("a.xlsx"), std::string("rebuild"), std::string("accept 1")}) {
    CommandRun run = Icetrack(cmd + " --db " + dir.File("notes.db"));
    CheckRefused(run, cmd + " on another program's database");
    CHECK(run.err == "icetrack: " + dir.File("notes.db") + ": is not an icetrack database; left as it was\n");
  }
  CHECK(test::ReadFile(dir.File("notes.db")) == before);
  for (const char* cmd : {"rebuild", "accept 1"}) {
    CommandRun run = Icetrack(std::string(cmd) + " --db " + dir.File("typo/x.db"));
    CheckRefused(run, std::string(cmd) + " on a missing database");
    CHECK(run.err == NoDatabase(dir.File("typo/x.db")));
  }
  CHECK_FALSE(std::filesystem::exists(dir.File("typo")));
}

TEST_CASE("an import that has nothing to import opens no database and changes no rules") {
  test::TempDir dir;
  CommandRun run = Icetrack("import --db " + dir.File("q/new.db") + " " + dir.File("none.xlsx"));
  CHECK(run.exit_code == 4);
  CHECK_FALSE(std::filesystem::exists(dir.File("q")));
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  std::string db = dir.File("h.db");
  REQUIRE(Icetrack("import -q --db " + db + " " + dir.File("a.xlsx")).exit_code == 0);
  CommandRun changed = Icetrack("import --removal-after 50 --db " + db + " " + dir.File("none.xlsx"));
  CHECK(changed.exit_code == 4);
  CHECK(changed.err.find("rebuilt") == std::string::npos);
  std::string value;
  test::QueryInt(db, "SELECT value FROM settings WHERE name = 'removal_after'", &value);
  CHECK(value == "3");
}

TEST_CASE("a workbook that states no modified time is not dated by the import's clock") {
  test::TempDir dir;
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  // Its docProps with the modified time taken out.
  const std::string core = "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
                           "package/2006/metadata/core-properties\"/>";
  test::ReplacePart(dir.File("a.xlsx"), dir.File("b.xlsx"), "docProps/core.xml", &core);
  CommandRun run = Icetrack("import --db " + dir.File("h.db") + " " + dir.File("b.xlsx"));
  CHECK(run.exit_code == 4);
  CHECK(run.err.rfind("icetrack: " + dir.File("b.xlsx") + ": docProps/core.xml states no modified time", 0) == 0);
}

TEST_CASE("inconsistent or impossible values are refused, and a relative time is said as the time it names") {
  test::TempDir dir;
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  std::string db = " --db " + dir.File("h.db");
  REQUIRE(Icetrack("import -q" + db + " " + dir.File("a.xlsx")).exit_code == 0);
  CommandRun reversed = Icetrack("log --since 2026-03-05 --until 2026-03-01" + db);
  CheckRefused(reversed, "a reversed range");
  CHECK(reversed.exit_code == 2);
  for (const char* bad : {"rebuild --max-removed-share nan", "run --timeout nan", "accept 0x10", "accept 1e3",
                          "accept 99999999999999999999", "rebuild --removal-after 5.5"}) {
    CommandRun run = Icetrack(std::string(bad) + db);
    CheckRefused(run, bad);
    CHECK_MESSAGE(run.exit_code == 2, std::string(bad));
  }
  CommandRun stats = Icetrack("stats --at 7d --json" + db);
  auto j = nlohmann::json::parse(stats.out);
  CHECK(j["at"].get<std::string>().size() == 20);  // an instant, not "7d"
  CHECK(j["at"].get<std::string>().back() == 'Z');
  // A setting in the database that is not a number is an error, never a default.
  sqlite3* handle = nullptr;
  sqlite3_open(dir.File("h.db").c_str(), &handle);
  sqlite3_exec(handle, "UPDATE settings SET value = 'nan' WHERE name = 'max_removed_share'", nullptr, nullptr, nullptr);
  sqlite3_close(handle);
  CommandRun bad_setting = Icetrack("rebuild" + db);
  CheckRefused(bad_setting, "a stored setting that is no number");
  CHECK(bad_setting.err.find("max_removed_share = \"nan\" is not a number") != std::string::npos);
}

TEST_CASE("a symlink names the database it points to, made or not — one lock for both names") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("target"));
  std::filesystem::create_symlink(dir.File("target/real.db"), dir.File("alias.db"));  // dangling
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  REQUIRE(Icetrack("import -q --db " + dir.File("alias.db") + " " + dir.File("a.xlsx")).exit_code == 0);
  CHECK(std::filesystem::is_symlink(dir.File("alias.db")));  // kept
  CHECK(std::filesystem::is_regular_file(dir.File("target/real.db")));
  CHECK(std::filesystem::exists(dir.File("target/real.db.lock")));
  CHECK_FALSE(std::filesystem::exists(dir.File("alias.db.lock")));
  CHECK(Icetrack("log --db " + dir.File("target/real.db")).exit_code == 0);
}


TEST_CASE("a database with pending changes in its -wal is never read as it was before them") {
  test::TempDir dir;
  chmod(dir.path().c_str(), 0755);
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  REQUIRE(Icetrack("import -q --db " + dir.File("h.db") + " " + dir.File("a.xlsx")).exit_code == 0);
  // A committed change that only the -wal holds, copied without the -shm (a backup, a read-only medium).
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.File("h.db").c_str(), &db) == SQLITE_OK);
  sqlite3_exec(db, "PRAGMA wal_autocheckpoint = 0; UPDATE snapshots SET rows = 77", nullptr, nullptr, nullptr);
  std::filesystem::create_directories(dir.File("copy"));
  std::filesystem::copy_file(dir.File("h.db"), dir.File("copy/h.db"));
  std::filesystem::copy_file(dir.File("h.db-wal"), dir.File("copy/h.db-wal"));
  sqlite3_close(db);
  REQUIRE(std::filesystem::file_size(dir.File("copy/h.db-wal")) > 0);
  chmod(dir.File("copy").c_str(), 0755);
  chmod(dir.File("copy/h.db").c_str(), 0644);
  chmod(dir.File("copy/h.db-wal").c_str(), 0644);
  if (geteuid() == 0) {
    CommandRun stale = AsNobody("stats --json --db " + dir.File("copy/h.db"));
    CheckRefused(stale, "a -wal that cannot be read");
    CHECK(stale.err.find("has changes in its -wal that cannot be read here") != std::string::npos);
  }
  CommandRun fresh = Icetrack("stats --json --db " + dir.File("copy/h.db"));  // where it may: the changes are read
  REQUIRE_MESSAGE(fresh.exit_code == 0, fresh.err);
  CHECK(nlohmann::json::parse(fresh.out)["agreements"] == 1);
  CHECK(test::QueryInt(dir.File("copy/h.db"), "SELECT rows FROM snapshots") == 77);
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("the binary links none of the libraries only some commands use: each is opened where it is needed") {
  // Every command pays for what it links at start-up; only `run` fetches and
  // reads pages, only the daemon speaks to systemd, `parse` never hashes, opens
  // a database nor writes a workbook (model/shared_library.h), and the zip directory is read without libzip,
  // which would bring libcrypto back (parser/zip_directory.h).
  test::CommandRun run = test::RunCommand("readelf -d " + std::string(ICETRACK_BINARY));
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("(NEEDED)") != std::string::npos);  // the listing is what is read
  for (const char* library :
       {"libcurl", "libsystemd", "libcrypto", "libssl", "libxlsxwriter", "libzip", "libsqlite3", "libgumbo"}) {
    CAPTURE(library);
    CHECK(run.out.find(library) == std::string::npos);
  }
}

TEST_CASE("parse opens no library past those it links, and import opens libcrypto and libsqlite3") {
  // What the dynamic loader itself reports opening (LD_DEBUG=files), not what the binary says it needs.
  test::TempDir dir;
  test::IceWorkbook book;
  book.rows = {test::Row("Florida", "Polk County Sheriff's Office", "Jail Enforcement Model")};
  test::WriteIceWorkbook(dir.File("p.xlsx"), book);
  test::CommandRun parse = test::RunCommand("LD_DEBUG=files " + std::string(ICETRACK_BINARY) + " parse " +
                                            dir.File("p.xlsx") + " --json");
  REQUIRE(parse.exit_code == 0);
  CHECK(parse.err.find("file=libdeflate") != std::string::npos);  // the report is what is read
  for (const char* library : {"libcrypto", "libxlsxwriter", "libsqlite3", "libgumbo", "libcurl"}) {
    CAPTURE(library);
    CHECK(parse.err.find(library) == std::string::npos);
  }
  test::CommandRun import = test::RunCommand("LD_DEBUG=files " + std::string(ICETRACK_BINARY) + " import --db " +
                                             dir.File("h.db") + " " + dir.File("p.xlsx"));
  REQUIRE(import.exit_code == 0);
  CHECK(import.err.find("file=libcrypto.so.3") != std::string::npos);
  CHECK(import.err.find("file=libsqlite3.so.0") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
