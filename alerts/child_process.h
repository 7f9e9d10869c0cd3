// RunChild: runs a program (no shell), feeds it `input` on stdin (and, when
// given, `fd3` on descriptor 3, for what must not be on a command line) and
// keeps what it writes to stdout and stderr (together, the last 64 KiB),
// within a time limit — for the `apprise` command. RunChildForOutput keeps
// stdout apart instead, its first bytes up to a cap, for a program whose
// output is the answer (`pdftotext`).
//
// Promises: the program is found on PATH as execvp does and gets argv
// exactly as given (nothing is interpreted), in its own process group and
// with a minimal environment (PATH, HOME, the locale, TMPDIR, the proxy and
// CA settings: never icetrack's secrets). The call returns once the program
// has exited (its own exit code counts, whatever it left running) or at the
// deadline, when the whole group is killed (SIGKILL) and reaped; nothing it
// started outlives the call. No descriptor of ours leaks into it. Never
// throws; a Status says why the program could not be run or did not finish.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "model/status.h"

namespace icetrack {

struct ChildResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string output;  // stdout and stderr, interleaved as written (RunChildForOutput: stdout alone)
  std::string errors;  // RunChildForOutput: stderr, its last 64 KiB
  bool truncated = false;  // RunChildForOutput: stdout went past the cap; `output` is its first bytes
};

// `cancelled`, when set and true, ends the run as the deadline does.
Status RunChild(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds timeout,
                ChildResult* result, const std::string& fd3 = "", const std::function<bool()>& cancelled = nullptr);

// As RunChild, with stdout kept apart from stderr: its first `output_cap`
// bytes in `output` (`truncated` when it wrote more; the child keeps running
// to its end or the deadline), stderr's last 64 KiB in `errors`. `name`
// names the child in messages when argv[0] is not what it is (a shell that
// runs it): argv[0] when empty.
Status RunChildForOutput(const std::vector<std::string>& argv, const std::string& input,
                         std::chrono::milliseconds timeout, size_t output_cap, ChildResult* result,
                         const std::function<bool()>& cancelled = nullptr, const std::string& name = "");

}  // namespace icetrack
