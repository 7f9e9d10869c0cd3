// The test runner's main. Every icetrack a test starts reads an empty
// configuration unless the test names one: a configuration of the machine
// (/etc/icetrack/icetrack.toml, ~/.config/icetrack/icetrack.toml, or
// $ICETRACK_CONFIG) must never reach a test — it could name real alert
// targets and a real database.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

int main(int argc, char** argv) {
  char dir[] = "/tmp/icetrack-test-config-XXXXXX";
  if (!mkdtemp(dir)) return 1;
  chmod(dir, 0755);  // tests also run icetrack as another user (setpriv), who must read it too
  std::string empty = std::string(dir) + "/icetrack.toml";
  std::ofstream(empty).close();
  chmod(empty.c_str(), 0644);
  setenv("ICETRACK_CONFIG", empty.c_str(), 1);
  unsetenv("ICETRACK_DB");
  unsetenv("CREDENTIALS_DIRECTORY");
  doctest::Context context(argc, argv);
  int result = context.run();
  unlink(empty.c_str());
  rmdir(dir);
  return result;
}
