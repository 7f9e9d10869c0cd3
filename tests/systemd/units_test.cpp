// The units as systemd judges them: `systemd-analyze verify` passes and
// `systemd-analyze security --offline=true` rates each service at most 2.0.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

const std::string kUnits = ICETRACK_TEST_UNITS;

bool HaveSystemdAnalyze() {
  if (test::RunCommand("command -v systemd-analyze").exit_code == 0) return true;
  MESSAGE("ICETRACK-SKIP: systemd-analyze is not installed (scripts/install-deps.sh installs systemd)");
  return false;
}

// "→ Overall exposure level for icetrack.service: 1.2 OK 🙂" -> 1.2
double Exposure(const std::string& out) {
  size_t at = out.find("Overall exposure level for ");
  if (at == std::string::npos) return 99;
  at = out.find(": ", at);
  return std::atof(out.c_str() + at + 2);
}

TEST_CASE("the units pass systemd-analyze verify, the manual page found") {
  if (!HaveSystemdAnalyze()) return;
  // Documentation=man:icetrack(1) is checked too: the manual, from the sources.
  test::TempDir man;
  test::RunCommand("mkdir -p " + man.File("man1") + " && cp " ICETRACK_MAN_DIR "/icetrack.1 " + man.File("man1"));
  test::CommandRun r = test::RunCommand("cd " + kUnits + " && MANPATH=" + man.path() +
                                        " systemd-analyze verify icetrack.service icetrack-daemon.service icetrack.timer");
  CHECK_MESSAGE(r.exit_code == 0, r.out << r.err);
  CHECK(r.err == "");
}

TEST_CASE("each service is rated at most 2.0 by systemd-analyze security") {
  if (!HaveSystemdAnalyze()) return;
  for (const char* unit : {"icetrack.service", "icetrack-daemon.service"}) {
    test::CommandRun r =
        test::RunCommand("cd " + kUnits + " && systemd-analyze security --offline=true --no-pager " + unit);
    double exposure = Exposure(r.out);
    MESSAGE(std::string(unit) << ": " << exposure);
    CHECK(exposure <= 2.0);
  }
}

TEST_CASE("the daemon's unit is what the daemon speaks: notify, a watchdog, reload by SIGHUP") {
  std::string unit = test::ReadFile(kUnits + "/icetrack-daemon.service");
  CHECK(unit.find("Type=notify\n") != std::string::npos);
  CHECK(unit.find("WatchdogSec=") != std::string::npos);
  CHECK(unit.find("ExecReload=/bin/kill -HUP $MAINPID\n") != std::string::npos);
  std::string timer = test::ReadFile(kUnits + "/icetrack.timer");
  CHECK(timer.find("Persistent=true\n") != std::string::npos);
  CHECK(timer.find("RandomizedDelaySec=") != std::string::npos);
  for (const char* name : {"/icetrack.service", "/icetrack-daemon.service"}) {
    std::string service = test::ReadFile(kUnits + name);
    for (const char* line : {"DynamicUser=yes\n", "StateDirectory=icetrack\n", "ConfigurationDirectory=icetrack\n",
                             "ProtectSystem=strict\n", "CapabilityBoundingSet=\n", "SystemCallFilter=@system-service\n"})
      CHECK_MESSAGE(service.find(line) != std::string::npos, name << " lacks " << line);
  }
}

}  // namespace
}  // namespace icetrack
