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

#include "tests/support/ice_workbook.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using test::CommandRun;

const std::set<int> kDocumentedFailures = {2, 3, 4, 5, 6};

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
  for (const auto& [what, path] : p.All()) {
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
  CHECK(typo.err == "icetrack: " + p.dir.File("typo/x.db") + ": no icetrack database here; `icetrack run` or "
                    "`icetrack import --db " + p.dir.File("typo/x.db") + "` creates one\n");
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
                           "log --model 'task force'", "show tye --state TX --model TFM --list participating"}) {
    CommandRun run = Icetrack(std::string(args) + db);
    INFO(args << ": " << run.err);
    CHECK(run.exit_code == 0);
    CHECK_MESSAGE(run.out.find("Tye Police Department") != std::string::npos, std::string(args));
  }
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
    CHECK((read.exit_code == 0 ||
           read.err == "icetrack: " + db + ": no icetrack database here; `icetrack run` or `icetrack import --db " +
                           db + "` creates one\n"));
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
  for (auto [args, answer] : {std::pair{"log --db ", "baseline"}, {"show polk --db ", "Polk County"},
                               {"stats --db ", "1 participating rows"}}) {
    CommandRun run = AsNobody(args + db);
    INFO(args << ": " << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find(answer) != std::string::npos);
  }
  CHECK(test::ReadFile(db) == before);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.File("ro")), {}) == 1);  // no -wal, -shm or lock made
  CommandRun write = AsNobody("import -q --db " + db + " " + dir.File("a.xlsx"));
  CheckRefused(write, "import into a database it may not write");
}

}  // namespace
}  // namespace icetrack
