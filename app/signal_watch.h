// SignalWatch: SIGTERM, SIGINT and SIGHUP taken from the process and turned
// into flags a loop can wait on: a thread of its own takes them (sigwait),
// so that nothing runs in a signal handler and a blocking wait wakes at once.
// Construct it before any other thread starts (they inherit the mask).
#pragma once

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace icetrack {

class SignalWatch {
 public:
  SignalWatch();
  ~SignalWatch();
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;

  bool stop() const { return stop_; }
  // True once per SIGHUP received.
  bool TakeReload() { return reload_.exchange(false); }
  // Returns at `deadline`, or earlier when a signal came.
  void WaitUntil(std::chrono::steady_clock::time_point deadline);

 private:
  void Watch();

  std::atomic<bool> stop_{false}, reload_{false}, done_{false};
  std::mutex mutex_;
  std::condition_variable woken_;
  std::thread thread_;
};

}  // namespace icetrack
