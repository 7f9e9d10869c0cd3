// BackgroundProcess: a helper program (a test server) that runs while a test
// does. Start() forks and execs it (no shell); the destructor stops it
// (SIGTERM, then SIGKILL after a bound) and reaps it, so a test never leaks
// one. WaitForFile polls, with a bound, for the file a server writes once it
// is ready (its port): no test sleeps to wait for a server.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace icetrack::test {

class BackgroundProcess {
 public:
  BackgroundProcess() = default;
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  // False when the program could not be started.
  // `output`, when given, gets its stdout and stderr (else they are the test's).
  bool Start(const std::vector<std::string>& argv, const std::string& output = "");
  void Stop();
  // Waits for it to end on its own; its exit code, or -1 when a signal ended it.
  int Wait();
  pid_t pid() const { return pid_; }
  // The file's contents once it exists and is not empty, "" after `bound`
  // (or when the process died first).
  std::string WaitForFile(const std::string& path, std::chrono::milliseconds bound = std::chrono::seconds(10));

 private:
  pid_t pid_ = -1;
};

// Polls `ready` every few milliseconds until it is true or `bound` passes.
bool PollUntil(const std::function<bool()>& ready, std::chrono::milliseconds bound = std::chrono::seconds(10));

}  // namespace icetrack::test
