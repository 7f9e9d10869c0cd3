// ServiceNotifier: what the daemon tells systemd (sd_notify(3), libsystemd):
// READY=1 once it can do its work, STATUS= in words after each run,
// WATCHDOG=1 while it is alive when the unit sets WatchdogSec=, STOPPING=1.
// Without $NOTIFY_SOCKET (not under systemd) every call does nothing, and
// libsystemd is never loaded (it is loaded with dlopen, not linked).
#pragma once

#include <chrono>
#include <string>

namespace icetrack {

class ServiceNotifier {
 public:
  ServiceNotifier();
  void Ready(const std::string& status);
  void Status(const std::string& status);
  void Stopping(const std::string& status);
  // Pings the watchdog, at most every quarter of its interval (cheap to call often).
  void Watchdog();
  // The watchdog's interval; zero when WatchdogSec= is not set.
  std::chrono::microseconds watchdog_interval() const { return watchdog_; }
  // Why systemd cannot be told anything (libsystemd would not load), or "".
  const std::string& problem() const { return problem_; }

 private:
  void Send(const std::string& state);
  int (*notify_)(int, const char*) = nullptr;
  std::string problem_;
  std::chrono::microseconds watchdog_{0};
  std::chrono::steady_clock::time_point last_ping_;
};

}  // namespace icetrack
