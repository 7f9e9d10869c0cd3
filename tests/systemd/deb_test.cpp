// The .deb: built by CPack from this build, installed with dpkg on this
// machine, run from where it installed, removed — leaving the state
// directory alone. Needs root and dpkg; skipped (and said so) without them,
// and when an icetrack package is installed already (never replaced by a test).
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

bool CanInstall() {
  if (geteuid() != 0) {
    MESSAGE("ICETRACK-SKIP: installing the .deb needs root");
    return false;
  }
  if (test::RunCommand("command -v dpkg && command -v dpkg-shlibdeps && command -v cpack").exit_code != 0) {
    MESSAGE("ICETRACK-SKIP: dpkg, dpkg-shlibdeps (dpkg-dev) or cpack is missing");
    return false;
  }
  if (test::RunCommand("dpkg-query -W -f='${Status}' icetrack | grep -q 'ok installed'").exit_code == 0) {
    MESSAGE("ICETRACK-SKIP: an icetrack package is installed here; the test does not replace it");
    return false;
  }
  return true;
}

// Purges what the test installed, whatever happened.
struct Installed {
  ~Installed() { test::RunCommand("dpkg -P icetrack"); }
};

TEST_CASE("the .deb installs on this Debian, runs, and its removal leaves the state directory") {
  if (!CanInstall()) return;
  test::TempDir out;
  test::CommandRun built = test::RunCommand("cd " ICETRACK_BUILD_DIR " && cpack -G DEB -B " + out.path());
  REQUIRE_MESSAGE(built.exit_code == 0, built.out << built.err);
  std::string deb = out.File("icetrack_" ICETRACK_VERSION_TEXT "_amd64.deb");
  REQUIRE(std::filesystem::exists(deb));
  test::CommandRun fields = test::RunCommand("dpkg-deb -f " + deb + " Depends");
  for (const char* opened : {"libcurl4", "libsystemd0", "libssl3", "libxlsxwriter4", "libsqlite3-0", "libgumbo1"}) {
    // opened at run time (model/shared_library.h): named by hand
    CAPTURE(opened);
    CHECK(fields.out.find(opened) != std::string::npos);
  }
  CHECK(fields.out.find("libdeflate0") != std::string::npos);  // linked: found by dpkg-shlibdeps
  Installed guard;
  test::CommandRun install = test::RunCommand("dpkg -i " + deb);
  REQUIRE_MESSAGE(install.exit_code == 0, install.out << install.err);
  test::CommandRun version = test::RunCommand("/usr/bin/icetrack --version");
  CHECK(version.out == "icetrack " ICETRACK_VERSION_TEXT "\n");
  test::CommandRun check = test::RunCommand("env -u ICETRACK_CONFIG /usr/bin/icetrack config check");
  CHECK_MESSAGE(check.exit_code == 0, check.err);
  CHECK(check.out.rfind("# /etc/icetrack/icetrack.toml: valid\n", 0) == 0);
  for (const char* file : {"/usr/lib/systemd/system/icetrack.service", "/usr/lib/systemd/system/icetrack.timer",
                           "/usr/lib/systemd/system/icetrack-daemon.service", "/usr/share/man/man1/icetrack.1"})
    CHECK_MESSAGE(std::filesystem::exists(file), file);
  // The package is a /usr package whatever prefix this build was configured with.
  CHECK(test::ReadFile("/usr/lib/systemd/system/icetrack.service").find("ExecStart=/usr/bin/icetrack run") !=
        std::string::npos);
  CHECK(test::RunCommand("dpkg-query -W -f='${Conffiles}' icetrack").out.find("/etc/icetrack/icetrack.toml") !=
        std::string::npos);

  // State the service would have made; the package must not take it away.
  bool made_state = !std::filesystem::exists("/var/lib/icetrack");
  if (made_state) {
    std::filesystem::create_directories("/var/lib/icetrack");
    test::WriteFile("/var/lib/icetrack/icetrack.db", "not really a database");
  }
  test::CommandRun removed = test::RunCommand("dpkg -r icetrack");
  CHECK_MESSAGE(removed.exit_code == 0, removed.out << removed.err);
  CHECK_FALSE(std::filesystem::exists("/usr/bin/icetrack"));
  CHECK(std::filesystem::exists("/var/lib/icetrack"));
  if (made_state) {
    CHECK(std::filesystem::exists("/var/lib/icetrack/icetrack.db"));
    std::filesystem::remove_all("/var/lib/icetrack");
  }
}

}  // namespace
}  // namespace icetrack
