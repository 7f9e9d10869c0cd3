// Crash consistency: `icetrack import`, `run` and `rebuild` killed with
// SIGKILL at random moments, over and over. After every kill the database
// must be sound — PRAGMA integrity_check ok, no half snapshot, no event
// without its snapshot, every event with exactly the alerts an uninterrupted
// run queued for it — and once each command is run again to its end, the
// change log and the outbox must be those of an uninterrupted run.
//
// The kill delays come from a seeded RNG (the seed is printed; set
// ICETRACK_CRASH_SEED to draw the same delays again), spread over 0 to 1.2
// times the measured length of each command run uninterrupted (for an import
// resumed after a kill, of what is left of it). Only a SIGKILL that ended a
// live process counts: one that lands after the process exited is a finished
// attempt, and a process that dies of anything else is a failure.
#include <doctest/doctest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/app/fake_page.h"
#include "tests/support/background_process.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Clock = std::chrono::steady_clock;
using Micros = std::chrono::microseconds;

constexpr int kImported = 14;        // workbooks `import` reads, in one command
constexpr int kPublished = 4;        // publications then served in turn to `run`
constexpr int kBaseRows = 250;       // rows of the first workbook; each one adds three
constexpr int kMinKills = 50;        // what the issue asks for
constexpr int kWantedKills = 60;     // rounds go on until this many, within the time budget
constexpr int kMaxKillsPerStep = 8;  // then a step runs to its end, so that a slow machine still progresses
const auto kKillBudget = std::chrono::seconds(40);  // no new round starts after this

// ---------------------------------------------------------------------------
// Reading a database as a user's sqlite3 shell would.

// Every row of `sql`, its columns as text (NULL as "NULL").
std::vector<std::vector<std::string>> QueryRows(const std::string& db, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3* handle = nullptr;
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
  if (rc == SQLITE_OK) sqlite3_busy_timeout(handle, 2000);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(handle, sql.c_str(), -1, &st, nullptr);
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const unsigned char* text = sqlite3_column_text(st, c);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(std::move(row));
    rc = SQLITE_OK;
  }
  std::string why = handle ? sqlite3_errmsg(handle) : "out of memory";
  sqlite3_finalize(st);
  sqlite3_close(handle);
  REQUIRE_MESSAGE(rc == SQLITE_DONE, db << ": " << sql << ": " << why);
  return rows;
}

std::string Joined(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "|" : "") + row[c];
    out += "\n";
  }
  return out;
}

// Each event with what makes it the same event in another database (its id
// and uid too: a kill must not cost an id), and the targets it was queued for.
struct LedgerLine {
  int64_t snapshot = 0;  // 0 for a notice about the source
  std::string text;
};
using Ledger = std::vector<LedgerLine>;

Ledger ReadLedger(const std::string& db) {
  Ledger ledger;
  for (auto& row : QueryRows(db, "SELECT COALESCE(e.snapshot_id, 0), e.id, e.uid, e.kind, e.list, e.key, e.changes, "
                                 "e.since, e.detail, (SELECT group_concat(i.target, ',') FROM (SELECT target FROM "
                                 "outbox_items WHERE event_id = e.id ORDER BY target) i) FROM events e ORDER BY e.id")) {
    LedgerLine line{std::stoll(row[0]), ""};
    for (size_t c = 1; c < row.size(); ++c) line.text += row[c] + "|";
    ledger.push_back(std::move(line));
  }
  return ledger;
}

// The lines of `ledger` about the snapshots up to `last`, and the notices.
Ledger UpTo(const Ledger& ledger, int64_t last) {
  Ledger out;
  for (const LedgerLine& line : ledger) {
    if (line.snapshot <= last) out.push_back(line);
  }
  return out;
}

std::string Text(const Ledger& ledger) {
  std::string out;
  for (const LedgerLine& line : ledger) out += std::to_string(line.snapshot) + ": " + line.text + "\n";
  return out;
}

// "" when `got` and `want` are the same text, else where they first differ.
std::string Difference(const std::string& got, const std::string& want) {
  if (got == want) return "";
  size_t at = 0, line = 1, start = 0;  // the first byte that differs, its line, where that line starts
  for (; at < got.size() && at < want.size() && got[at] == want[at]; ++at) {
    if (got[at] == '\n') ++line, start = at + 1;
  }
  auto line_of = [start](const std::string& text) { return text.substr(start, text.find('\n', start) - start); };
  return "line " + std::to_string(line) + " differs:\n  got:  " + line_of(got) + "\n  want: " + line_of(want) +
         "\n  (" + std::to_string(got.size()) + " bytes against " + std::to_string(want.size()) + ")\n";
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

int64_t LastSnapshot(const std::string& db) {
  return std::max<int64_t>(0, test::QueryInt(db, "SELECT COALESCE(MAX(id), 0) FROM snapshots"));
}

// What the alerts' outbox holds: each item by its event's uid (an item may
// outlive its event when its delivery was made before a rebuild dropped it),
// and the deliveries made of them.
std::string Outbox(const std::string& db) {
  return Joined(QueryRows(db, "SELECT target, uid, event_id, COALESCE(delivery_id, '-') FROM outbox_items "
                              "ORDER BY target, uid")) +
         "deliveries:\n" + Joined(QueryRows(db, "SELECT id, target FROM deliveries ORDER BY id"));
}

// Everything derived from the workbooks, and the alerts: what a rebuild
// replaces, or leaves as it was when killed. (Not snapshots' observed_at:
// that is when each database read the workbook.)
std::string Derived(const std::string& db) {
  if (!std::filesystem::exists(db)) return "no database";
  return test::DumpTables(db, {"agreements", "row_versions", "snapshot_rows", "events", "outbox_items", "settings"}) +
         Joined(QueryRows(db, "SELECT id, list, sha256, published_at, rows, jem, tfm, wso, no_model, status, note, "
                              "accepted_by_hand FROM snapshots ORDER BY id"));
}

// ---------------------------------------------------------------------------
// What must hold after any kill, whatever the command was doing.

struct Invariant {
  const char* broken;  // what a row counted by `sql` is
  const char* sql;     // counts the rows that break it
};

const Invariant kInvariants[] = {
    {"half snapshot: an accepted snapshot with other than its row count of stored rows",
     "SELECT count(*) FROM snapshots s WHERE status = 'accepted' AND rows <> "
     "(SELECT count(*) FROM snapshot_rows r WHERE r.snapshot_id = s.id)"},
    {"half snapshot: one whose counts by model do not add up to its rows",
     "SELECT count(*) FROM snapshots WHERE jem + tfm + wso + no_model <> rows"},
    {"rows stored for a snapshot that is not accepted",
     "SELECT count(*) FROM snapshot_rows r JOIN snapshots s ON s.id = r.snapshot_id WHERE s.status <> 'accepted'"},
    {"a snapshot without its workbook, or a workbook cut short",
     "SELECT (SELECT count(*) FROM snapshots s WHERE NOT EXISTS (SELECT 1 FROM workbooks w WHERE w.sha256 = "
     "s.sha256)) + (SELECT count(*) FROM workbooks WHERE length(content) <> size)"},
    {"an agreement whose current row is not stored",
     "SELECT count(*) FROM agreements a WHERE NOT EXISTS (SELECT 1 FROM row_versions v WHERE v.id = a.version_id)"},
    {"an event whose snapshot is not stored",
     "SELECT count(*) FROM events e WHERE e.snapshot_id IS NOT NULL AND "
     "NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.id = e.snapshot_id)"},
    {"an event about a workbook with no snapshot",
     "SELECT count(*) FROM events WHERE snapshot_id IS NULL AND kind NOT IN ('source_failing', 'source_recovered')"},
    {"an alert not yet sent about an event that is not stored",
     "SELECT count(*) FROM outbox_items i WHERE i.delivery_id IS NULL AND "
     "NOT EXISTS (SELECT 1 FROM events e WHERE e.id = i.event_id)"},
    {"an alert queued under another event's id",
     "SELECT count(*) FROM outbox_items i JOIN events e ON e.id = i.event_id WHERE i.uid IS NOT e.uid"},
    {"an event queued twice for one target",
     "SELECT count(*) - count(DISTINCT target || ' ' || uid) FROM outbox_items"},
    {"an alert in a delivery that is not stored, or a delivery of nothing",
     "SELECT (SELECT count(*) FROM outbox_items i WHERE i.delivery_id IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM deliveries d WHERE d.id = i.delivery_id)) + (SELECT count(*) FROM deliveries d WHERE "
     "NOT EXISTS (SELECT 1 FROM outbox_items i WHERE i.delivery_id = d.id))"},
};

// What is wrong with `db`: "" when it is sound.
std::string Unsoundness(const std::string& db) {
  std::string wrong, integrity;
  test::QueryInt(db, "PRAGMA integrity_check", &integrity);
  if (integrity != "ok") wrong += "PRAGMA integrity_check: " + integrity + "\n";
  std::string dangling = Joined(QueryRows(db, "PRAGMA foreign_key_check"));
  if (!dangling.empty()) wrong += "PRAGMA foreign_key_check:\n" + dangling;
  for (const Invariant& invariant : kInvariants) {
    int64_t count = test::QueryInt(db, invariant.sql);  // -1 when it cannot be read
    if (count != 0) wrong += std::string(invariant.broken) + ": " + std::to_string(count) + "\n";
  }
  return wrong;
}

// ---------------------------------------------------------------------------
// The commands, run to their end or killed.

// A loopback port bound but never listened on: every connection to it is
// refused at once, so the alert target's deliveries stay pending and the
// outbox keeps everything that was queued, as queued.
class RefusingPort {
 public:
  RefusingPort() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), size) == 0);
    REQUIRE(getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &size) == 0);
    port_ = ntohs(addr.sin_port);
  }
  ~RefusingPort() { close(fd_); }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// One command of the sequence.
struct Step {
  std::string name;               // "import", "run 2", "rebuild"
  std::vector<std::string> args;  // after the binary; --db follows
  int64_t adds = 0;               // snapshots it stores
  std::string served;             // for `run`: the workbook the fake page serves meanwhile
  // Measured in the reference, the sequence run uninterrupted:
  Micros took{0};   // how long it took
  Micros tail{0};   // how long it went on after it stored its last snapshot (delivering alerts)
  Micros again{0};  // how long it took when run again at once, with nothing left to do
  Ledger after;     // the events and their alerts once it ended
};

Step Command(std::string name, std::vector<std::string> args, int64_t adds, std::string served = "") {
  Step step;
  step.name = std::move(name);
  step.args = std::move(args);
  step.adds = adds;
  step.served = std::move(served);
  return step;
}

// How `pid` ended, without reaping it (BackgroundProcess does that); nullopt while it runs.
std::optional<siginfo_t> Ending(pid_t pid, bool wait) {
  siginfo_t info = {};
  int flags = WEXITED | WNOWAIT | (wait ? 0 : WNOHANG);
  if (waitid(P_PID, static_cast<id_t>(pid), &info, flags) != 0 || info.si_pid != pid) return std::nullopt;
  return info;
}

struct Attempt {
  bool killed = false;  // a live process ended by our SIGKILL
  int exit_code = -1;   // when it was not: its exit code, -1 when a signal of another ended it
  Micros took{0};
};

// Runs `step` on `db` and, unless it ends first, kills it after `delay`
// (never, when `delay` is negative). `meanwhile`, when given, is called
// every half millisecond while it runs.
Attempt RunStep(const Step& step, const std::string& db, const std::string& output, Micros delay,
                const std::function<void()>& meanwhile = nullptr) {
  std::vector<std::string> argv = {ICETRACK_BINARY};
  argv.insert(argv.end(), step.args.begin(), step.args.end());
  argv.insert(argv.end(), {"--db", db});
  test::BackgroundProcess process;
  auto started = Clock::now();
  REQUIRE(process.Start(argv, output));
  auto deadline = delay >= Micros(0) ? started + delay : Clock::time_point::max();
  while (Clock::now() < deadline && !Ending(process.pid(), false)) {
    if (meanwhile) meanwhile();
    std::this_thread::sleep_for(Micros(500));
  }
  bool sent = delay >= Micros(0) && !Ending(process.pid(), false) && kill(process.pid(), SIGKILL) == 0;
  std::optional<siginfo_t> ending = Ending(process.pid(), true);
  Attempt a;
  a.took = std::chrono::duration_cast<Micros>(Clock::now() - started);
  a.killed = sent && ending && ending->si_code == CLD_KILLED && ending->si_status == SIGKILL;
  a.exit_code = process.Wait();
  return a;
}

// ---------------------------------------------------------------------------
// The history and the sequence of commands.

struct History {
  test::TempDir dir;
  RefusingPort hook;
  test::FakePage page;
  std::string config = dir.File("icetrack.toml");
  std::vector<Step> steps;

  History() {
    test::WriteFile(config, "[[alert]]\nname = \"desk\"\ntype = \"webhook\"\nurl = \"" + hook.Url() +
                                "\"\nretry = [\"1h\"]\n");
    // Totals no workbook has: each run records a totals_mismatch, an event of the page, not the workbook.
    page.Say("As of January 20, 2026, at 9 a.m., ICE has signed 287(g) JEM agreements with 1 law enforcement "
             "agencies in 9 states, 287(g) WSO agreements with 2 law enforcement agencies in 9 states, and 287(g) "
             "TFM agreements with 3 agencies in 9 states.");
    Step import = Command("import", {"import", "--alert", "-q", "--config", config}, kImported);
    for (int i = 0; i < kImported; ++i) {
      std::string path = dir.File("p" + std::to_string(i) + ".xlsx");
      test::WriteIceWorkbook(path, test::GrowingListPublication(i, kBaseRows));
      import.args.push_back(path);
    }
    steps.push_back(import);
    for (int i = kImported; i < kImported + kPublished; ++i) steps.push_back(RunOfPublication(i));
    // Other rules than the history was built under: a finished rebuild changes the log (and drops
    // the unsent alerts of the events that disappear), so that a killed one that changed anything shows.
    steps.push_back(Command(
        "rebuild", {"rebuild", "-q", "--removal-after", "1", "--removal-after-days", "0", "--config", config}, 0));
  }

  // `run` of publication `i`, alerts queued and left in the outbox.
  Step RunOfPublication(int i) {
    std::string path = dir.File("p" + std::to_string(i) + ".xlsx");
    test::WriteIceWorkbook(path, test::GrowingListPublication(i, kBaseRows));
    return Command("run " + std::to_string(i - kImported + 1),
                   {"run", "--no-deliver", "-q", "--config", config, "--source", page.Url(), "--retry-delay",
                    "0.001", "--connect-timeout", "2", "--timeout", "5"},
                   1, test::ReadFile(path));
  }
};

std::string LogJson(const std::string& db) {
  test::CommandRun log = test::RunCommand(std::string(ICETRACK_BINARY) + " log --json --db " + db);
  REQUIRE_MESSAGE(log.exit_code == 0, log.err);
  return log.out;
}

struct Reference {
  std::string log, outbox, derived;
};

// The sequence uninterrupted: how long each step takes, what each leaves.
Reference RunUninterrupted(History* h) {
  std::string db = h->dir.File("reference.db");
  // The first run of the binary reads it from disk: not the time an import takes.
  REQUIRE(test::RunCommand(std::string(ICETRACK_BINARY) + " --version").exit_code == 0);
  for (Step& step : h->steps) {
    if (!step.served.empty()) h->page.Serve(step.served);
    int64_t stored = LastSnapshot(db);
    auto stored_at = Clock::now(), looked_at = stored_at;
    auto watch = [&] {  // every 5 ms: looking more often would slow down what it measures
      if (Clock::now() - looked_at < std::chrono::milliseconds(5)) return;
      looked_at = Clock::now();
      int64_t now = LastSnapshot(db);
      if (now != stored) stored = now, stored_at = looked_at;
    };
    Attempt a = RunStep(step, db, h->dir.File("reference.out"), Micros(-1), watch);
    REQUIRE_MESSAGE(a.exit_code == 0, step.name << ": " << test::ReadFile(h->dir.File("reference.out")));
    step.took = a.took;
    step.tail = std::chrono::duration_cast<Micros>(Clock::now() - stored_at);
    step.after = ReadLedger(db);
    std::string wrong = Unsoundness(db);
    REQUIRE_MESSAGE(wrong.empty(), step.name << ", uninterrupted: " << wrong);
    // What a killed step's next run meets when the kill came after its last commit: nothing to do.
    std::string derived = Derived(db);
    Attempt again = RunStep(step, db, h->dir.File("reference.out"), Micros(-1));
    REQUIRE_MESSAGE(again.exit_code == 0, step.name << " again: " << test::ReadFile(h->dir.File("reference.out")));
    step.again = again.took;
    wrong = Difference(Derived(db), derived);
    CHECK_MESSAGE(wrong.empty(), step.name << " run again changed the database: " << wrong);
  }
  return {LogJson(db), Outbox(db), Derived(db)};
}

// ---------------------------------------------------------------------------
// The kill rounds.

struct Tally {
  std::map<std::string, int> kills;  // by command
  int total = 0;
};

std::string CommandOf(const Step& step) { return step.name.substr(0, step.name.find(' ')); }

// After a kill in `import` or `run`: what is stored is the uninterrupted
// run's history up to some snapshot, at least as far as the step before got
// ("" when it is, else how it is not).
std::string NotAPrefix(const Step& step, const std::string& db, int64_t floor) {
  int64_t last = LastSnapshot(db);
  if (last < floor)
    return "snapshots up to #" + std::to_string(floor) + " were stored before, now only up to #" +
           std::to_string(last) + "\n";
  std::string wrong = Difference(Text(ReadLedger(db)), Text(UpTo(step.after, last)));
  return wrong.empty() ? "" : "the events and their alerts are not the uninterrupted run's: " + wrong;
}

// After a kill in `rebuild`: all of it or nothing ("" when so).
std::string NotAllOrNothing(const Step& step, const std::string& db, const std::string& before) {
  if (Derived(db) == before) return "";
  std::string wrong = Difference(Text(ReadLedger(db)), Text(step.after));
  return wrong.empty() ? "" : "a rebuild was left half done: " + wrong;
}

// A kill delay for `step` on `db`, drawn over 0 to 1.2 times what is left of
// it: a resumed import costs what every run of it costs (measured: the run
// again), its share of the rest for each workbook it has not stored yet, and
// what follows the last one (delivering its alerts). A rebuild does all of
// its work every time: of its two measured runs, the shorter is the one the
// machine's load disturbed least.
Micros KillDelay(const Step& step, const std::string& db, int64_t floor, std::mt19937* random) {
  int64_t left = step.adds - (LastSnapshot(db) - floor);
  int64_t length = std::min(step.took, step.again).count();
  if (step.adds > 0) {
    int64_t each = std::max<int64_t>(0, (step.took - step.again - step.tail).count() / step.adds);
    length = step.again.count() + each * left + step.tail.count();
  }
  return Micros(std::uniform_int_distribution<int64_t>(0, std::max<int64_t>(length, 0) * 6 / 5)(*random));
}

// Runs `step` again and again, killed after a random delay, until one run ends on its own.
void KillUntilDone(const Step& step, const std::string& db, std::mt19937* random, Tally* tally) {
  int64_t floor = LastSnapshot(db);
  std::string before = Derived(db);
  std::string output = db + ".out";
  for (int kills = 0;; ++kills) {
    Attempt a = RunStep(step, db, output, kills < kMaxKillsPerStep ? KillDelay(step, db, floor, random) : Micros(-1));
    if (!a.killed) {
      REQUIRE_MESSAGE(a.exit_code == 0, step.name << " after " << kills << " kills: " << test::ReadFile(output));
      return;
    }
    ++tally->total;
    ++tally->kills[CommandOf(step)];
    if (!std::filesystem::exists(db)) continue;  // killed before the database was made: nothing to check
    std::string wrong = Unsoundness(db);
    wrong += CommandOf(step) == "rebuild" ? NotAllOrNothing(step, db, before) : NotAPrefix(step, db, floor);
    // The first kill that breaks something says all there is to say: the rest would repeat it.
    REQUIRE_MESSAGE(wrong.empty(), step.name << " killed after " << a.took.count() << " us (kill " << kills + 1
                                             << " of this step):\n" << wrong);
  }
}

// One round: the whole sequence on a new database, every step killed until it ends.
void KillRound(History* h, const Reference& reference, int round, std::mt19937* random, Tally* tally) {
  std::string db = h->dir.File("round" + std::to_string(round) + ".db");
  for (const Step& step : h->steps) {
    if (!step.served.empty()) h->page.Serve(step.served);
    KillUntilDone(step, db, random, tally);
  }
  INFO("round " << round << ", every step run to its end");
  std::string wrong = Unsoundness(db);
  CHECK_MESSAGE(wrong.empty(), wrong);
  wrong = Difference(LogJson(db), reference.log);
  CHECK_MESSAGE(wrong.empty(), "icetrack log --json: " << wrong);
  wrong = Difference(Outbox(db), reference.outbox);
  CHECK_MESSAGE(wrong.empty(), "the outbox: " << wrong);
  wrong = Difference(Derived(db), reference.derived);
  CHECK_MESSAGE(wrong.empty(), "the derived tables: " << wrong);
}

// " import 380 ms (79 ms after its last snapshot; again 16 ms), ..."
std::string Timings(const std::vector<Step>& steps) {
  auto ms = [](Micros t) { return std::to_string(t.count() / 1000) + " ms"; };
  std::string out;
  for (const Step& step : steps) {
    out += " " + step.name + " " + ms(step.took) + " (";
    if (step.adds > 0) out += ms(step.tail) + " after its last snapshot; ";
    out += "again " + ms(step.again) + ")";
  }
  return out;
}

uint32_t Seed() {
  const char* given = std::getenv("ICETRACK_CRASH_SEED");
  return given && *given ? static_cast<uint32_t>(std::strtoul(given, nullptr, 10)) : std::random_device{}();
}

TEST_CASE("SIGKILL at random moments of import, run and rebuild: always sound, in the end the uninterrupted log") {
  History h;
  Reference reference = RunUninterrupted(&h);
  // The sequence must give something to lose: alerts queued and kept, and a rebuild that changes the log.
  REQUIRE(reference.log.size() > 10000);
  REQUIRE(reference.outbox.find("|-\n") != std::string::npos);   // alerts of `run`, not yet in a delivery
  REQUIRE(reference.outbox.find("|msg_") != std::string::npos);  // those of `import`, in its delivery
  REQUIRE(Text(h.steps.back().after) != Text(h.steps[h.steps.size() - 2].after));
  REQUIRE(Count(Text(h.steps.back().after), "|totals_mismatch|participating|") == kPublished);

  MESSAGE("uninterrupted:" << Timings(h.steps));
  uint32_t seed = Seed();
  MESSAGE("kill delays from seed " << seed << " (ICETRACK_CRASH_SEED=" << seed << " draws them again)");
  INFO("seed " << seed);
  std::mt19937 random(seed);
  Tally tally;
  auto started = Clock::now();
  int rounds = 0;
  while (tally.total < kWantedKills && Clock::now() - started < kKillBudget)
    KillRound(&h, reference, ++rounds, &random, &tally);
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  MESSAGE(tally.total << " kills in " << rounds << " rounds, " << seconds << " s: import " << tally.kills["import"]
                      << ", run " << tally.kills["run"] << ", rebuild " << tally.kills["rebuild"]);
  CHECK(tally.total >= kMinKills);
  for (const char* command : {"import", "run", "rebuild"}) {
    INFO(command);
    CHECK(tally.kills[command] > 0);
  }
}

}  // namespace
}  // namespace icetrack
