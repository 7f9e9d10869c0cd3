#include "app/signal_watch.h"

#include <signal.h>

namespace icetrack {
namespace {

// SIGUSR1 is ours: the destructor's way to end the watching thread.
sigset_t Watched() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGTERM, SIGINT, SIGHUP, SIGUSR1}) sigaddset(&set, s);
  return set;
}

}  // namespace

SignalWatch::SignalWatch() {
  sigset_t set = Watched();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this] { Watch(); });
}

SignalWatch::~SignalWatch() {
  done_ = true;
  pthread_kill(thread_.native_handle(), SIGUSR1);
  thread_.join();
  sigset_t set = Watched();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

void SignalWatch::Watch() {
  sigset_t set = Watched();
  while (!done_) {
    int signal = 0;
    if (sigwait(&set, &signal) != 0) continue;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (signal == SIGHUP) reload_ = true;
      if (signal == SIGTERM || signal == SIGINT) stop_ = true;
    }
    woken_.notify_all();
  }
}

void SignalWatch::WaitUntil(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mutex_);
  woken_.wait_until(lock, deadline, [this] { return stop_.load() || reload_.load(); });
}

}  // namespace icetrack
