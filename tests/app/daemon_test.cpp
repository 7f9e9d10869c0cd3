// `icetrack daemon` as systemd runs it: a NOTIFY_SOCKET made by the test
// hears READY=1, STATUS=, WATCHDOG=1 and STOPPING=1; SIGTERM stops it within
// a bound, even mid-download; SIGHUP with a broken file keeps the old
// configuration and with a good one takes it; SIGKILL mid-run leaves a
// consistent store; under journald its lines carry level prefixes.
#include <doctest/doctest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
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

// What systemd would hear: a datagram socket at NOTIFY_SOCKET.
class NotifySocket {
 public:
  explicit NotifySocket(const std::string& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr = {};
    addr.sun_family = AF_UNIX;
    path.copy(addr.sun_path, sizeof addr.sun_path - 1);
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  }
  ~NotifySocket() { close(fd_); }
  // Waits (bounded) for a message holding `text`; every message is kept.
  bool WaitFor(const std::string& text, std::chrono::milliseconds bound = std::chrono::seconds(20)) {
    auto deadline = Clock::now() + bound;
    for (;;) {
      for (const std::string& m : messages_)
        if (m.find(text) != std::string::npos) return true;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p = {fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left)) <= 0) return false;
      char buffer[4096];
      ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n > 0) messages_.emplace_back(buffer, static_cast<size_t>(n));
    }
  }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::string path_;
  int fd_ = -1;
  std::vector<std::string> messages_;
};

std::string Workbook(const test::TempDir& dir) {
  test::IceWorkbook book;
  book.rows = {test::Row("FL", "Polk County Sheriff's Office", "Task Force Model"),
               test::Row("TX", "Hays County Sheriff's Office", "Task Force Model")};
  book.modified = test::UnixTime(2026, 1, 1);
  test::WriteIceWorkbook(dir.File("list.xlsx"), book);
  return test::ReadFile(dir.File("list.xlsx"));
}

struct Daemon {
  test::TempDir dir;
  test::FakePage page;
  std::string config = dir.File("icetrack.toml"), db = dir.File("icetrack.db"), log = dir.File("daemon.log");
  test::BackgroundProcess process;

  Daemon() {
    page.Serve(Workbook(dir));
    WriteConfig(page.Url());
  }
  void WriteConfig(const std::string& url) {
    test::WriteFile(config, "[source]\npage = \"" + url + "\"\ninterval = \"1h\"\n");
  }
  void Start(const std::vector<std::pair<std::string, std::string>>& env = {}) {
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    REQUIRE(process.Start({ICETRACK_BINARY, "daemon", "--config", config, "--db", db}, log));
    for (const auto& [k, v] : env) unsetenv(k.c_str());
  }
  std::string Log() const { return test::ReadFile(log); }
  bool LogHas(const std::string& text) {
    return test::PollUntil([&] { return Log().find(text) != std::string::npos; }, std::chrono::seconds(20));
  }
  // Stops it with `signal`; true when it exited within the bound.
  bool StopWith(int signal, int* exit_code, std::chrono::seconds bound = std::chrono::seconds(5)) {
    auto start = Clock::now();
    kill(process.pid(), signal);
    *exit_code = process.Wait();
    return Clock::now() - start < bound;
  }
};

TEST_CASE("systemd hears READY=1 and STATUS= after the run, WATCHDOG=1, and STOPPING=1 on SIGTERM") {
  Daemon d;
  NotifySocket notify(d.dir.File("notify"));
  d.Start({{"NOTIFY_SOCKET", d.dir.File("notify")}, {"WATCHDOG_USEC", "2000000"}});
  CHECK(notify.WaitFor("READY=1"));
  CHECK(notify.WaitFor("STATUS=started; first run now"));
  CHECK(notify.WaitFor("participating #1 stored (1 baseline); next run "));
  CHECK(notify.WaitFor("WATCHDOG=1"));
  int code = -1;
  CHECK(d.StopWith(SIGTERM, &code));
  CHECK(code == 0);
  CHECK(notify.WaitFor("STOPPING=1", std::chrono::seconds(2)));
  CHECK(d.Log().find("icetrack: participating: #1 stored, 2 rows (0 before): 1 baseline") != std::string::npos);
  CHECK(d.Log().find("icetrack: daemon stopped") != std::string::npos);
  CHECK(test::QueryInt(d.db, "SELECT count(*) FROM snapshots") == 1);
}

TEST_CASE("SIGTERM during a stalled download stops it within the bound, the store as it was") {
  Daemon d;
  d.page.Stall(true);
  d.Start();
  REQUIRE(test::PollUntil([&] { return d.page.workbook_requests() > 0; }, std::chrono::seconds(20)));
  int code = -1;
  CHECK(d.StopWith(SIGINT, &code));
  CHECK(code == 0);
  CHECK(d.Log().find("stopped: icetrack was told to stop") != std::string::npos);
  CHECK(test::QueryInt(d.db, "SELECT count(*) FROM snapshots") == 0);
  CHECK(test::QueryInt(d.db, "SELECT count(*) FROM source_health WHERE failures > 0") == 0);  // a stop is no failure
}

TEST_CASE("SIGHUP with a broken file keeps the configuration in use, with a good one takes it") {
  Daemon d;
  d.Start();
  REQUIRE(d.LogHas("next run at "));
  test::WriteFile(d.config, "[source]\npage = 42\n");
  kill(d.process.pid(), SIGHUP);
  CHECK(d.LogHas(d.config + ":2:8: source.page: must be a string (in quotes); the configuration in use is kept"));
  test::WriteFile(d.config, "[source]\npage = \"" + d.page.Url() + "\"\ninterval = \"2h\"\n");
  kill(d.process.pid(), SIGHUP);
  CHECK(d.LogHas("configuration read again from " + d.config));
  int code = -1;
  CHECK(d.StopWith(SIGTERM, &code));
  CHECK(code == 0);
}

TEST_CASE("SIGKILL in the middle of a run leaves a consistent store that the next run carries on") {
  Daemon d;
  d.page.Stall(true);
  d.Start();
  REQUIRE(test::PollUntil([&] { return d.page.workbook_requests() > 0; }, std::chrono::seconds(20)));
  int code = 0;
  d.StopWith(SIGKILL, &code);
  CHECK(code == -1);
  std::string check;
  test::QueryInt(d.db, "PRAGMA integrity_check", &check);
  CHECK(check == "ok");
  CHECK(test::QueryInt(d.db, "SELECT count(*) FROM snapshots") == 0);
  d.page.Stall(false);
  test::CommandRun run = test::RunCommand(std::string(ICETRACK_BINARY) + " run --config " + d.config + " --db " + d.db);
  CHECK_MESSAGE(run.exit_code == 0, run.err);  // the lock died with it
  CHECK(test::QueryInt(d.db, "SELECT count(*) FROM snapshots") == 1);
  CHECK(test::QueryInt(d.db, "SELECT count(*) FROM events WHERE kind = 'baseline'") == 1);
}

TEST_CASE("under journald each line carries its level, and no timestamp of its own") {
  Daemon d;
  test::WriteFile(d.log, "");
  struct stat st;
  REQUIRE(stat(d.log.c_str(), &st) == 0);
  d.Start({{"JOURNAL_STREAM", std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)}});
  REQUIRE(d.LogHas("<6>next run at "));
  CHECK(d.Log().rfind("<6>daemon started: a run every 3600 s, the first now\n", 0) == 0);
  CHECK(d.Log().find("icetrack: ") == std::string::npos);
  int code = -1;
  CHECK(d.StopWith(SIGTERM, &code));
}

TEST_CASE("a configuration it cannot start with is one error and exit 2") {
  test::TempDir dir;
  test::WriteFile(dir.File("bad.toml"), "[source]\ninterval = \"5s\"\n");
  test::CommandRun r = test::RunCommand(std::string(ICETRACK_BINARY) + " daemon --config " + dir.File("bad.toml") +
                                        " --db " + dir.File("x.db"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "icetrack: " + dir.File("bad.toml") +
                     ":2:12: source.interval: \"5s\" is not a span from 1m to 7d, such as \"1h\" or \"30m\"\n");
}

}  // namespace
}  // namespace icetrack
