#include "tests/support/run_command.h"

#include <sys/wait.h>

#include <cstdlib>

#include "tests/support/temp_dir.h"

namespace icetrack::test {

CommandRun RunCommand(const std::string& command_line) {
  TempDir dir;
  std::string cmd = command_line + " >" + dir.File("out") + " 2>" + dir.File("err") + " </dev/null";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(dir.File("out")), ReadFile(dir.File("err"))};
}

}  // namespace icetrack::test
