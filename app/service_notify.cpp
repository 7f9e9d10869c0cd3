#include "app/service_notify.h"

#include <systemd/sd-daemon.h>

namespace icetrack {
namespace {

// STATUS= is one line.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

ServiceNotifier::ServiceNotifier() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0) watchdog_ = std::chrono::microseconds(usec);
}

void ServiceNotifier::Ready(const std::string& status) { sd_notify(0, ("READY=1\nSTATUS=" + OneLine(status)).c_str()); }

void ServiceNotifier::Status(const std::string& status) { sd_notify(0, ("STATUS=" + OneLine(status)).c_str()); }

void ServiceNotifier::Stopping(const std::string& status) {
  sd_notify(0, ("STOPPING=1\nSTATUS=" + OneLine(status)).c_str());
}

void ServiceNotifier::Watchdog() {
  if (watchdog_.count() == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ping_ < watchdog_ / 4) return;
  last_ping_ = now;
  sd_notify(0, "WATCHDOG=1");
}

}  // namespace icetrack
