// The icetrack binary under test, run as a user would: a command line
// through the shell, its exit code and output kept (tests/support/run_command.h).
// For app_tests, which know where CMake built it (ICETRACK_BINARY).
#pragma once

#include <string>

#include "tests/support/run_command.h"

namespace icetrack::test {

inline CommandRun Icetrack(const std::string& args) { return RunCommand(std::string(ICETRACK_BINARY) + " " + args); }

}  // namespace icetrack::test
