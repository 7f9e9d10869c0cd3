// RunChild: runs a program (no shell), feeds it `input` on stdin and keeps
// what it writes to stdout and stderr (together, the last 64 KiB), within a
// time limit — for the `apprise` command.
//
// Promises: the program is found on PATH as execvp does and gets argv
// exactly as given (nothing is interpreted); a child still running at the
// deadline is killed (SIGKILL) and reaped; no descriptor of ours leaks into
// it (pipes are close-on-exec). Never throws; a Status says why the program
// could not be run or did not finish; its exit code is for the caller.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "model/status.h"

namespace icetrack {

struct ChildResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string output;  // stdout and stderr, interleaved as written
};

Status RunChild(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds timeout,
                ChildResult* result);

}  // namespace icetrack
