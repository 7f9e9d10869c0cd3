// Runs a command line (through the shell) and keeps its exit code and output.
#pragma once

#include <string>

namespace icetrack::test {

struct CommandRun {
  int exit_code = -1;
  std::string out, err;
};

CommandRun RunCommand(const std::string& command_line);

}  // namespace icetrack::test
