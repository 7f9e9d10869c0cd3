#include "app/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>

#include "model/shared_library.h"

namespace icetrack {
namespace {

// libsystemd, loaded with dlopen only under systemd ($NOTIFY_SOCKET set).
// Why: linking it makes every icetrack process load seven more libraries
// (libsystemd, libgcrypt, libgpg-error, liblz4, liblzma, libzstd, libcap),
// about 1–2 ms of each `parse` or `log`, for what only the daemon says.
struct Systemd {
  decltype(&sd_notify) notify;
  decltype(&sd_watchdog_enabled) watchdog_enabled;
};

const LoadedTable<Systemd>& Library() {
  static const LoadedTable<Systemd> loaded =
      LoadTable<Systemd>("libsystemd.so.0", [](SharedLibrary& so, Systemd* sd) {
        return so.Bind("sd_notify", &sd->notify) && so.Bind("sd_watchdog_enabled", &sd->watchdog_enabled);
      });
  return loaded;
}

// STATUS= is one line.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

ServiceNotifier::ServiceNotifier() {
  if (!std::getenv("NOTIFY_SOCKET")) return;  // not under systemd: nothing to tell, nothing loaded
  const LoadedTable<Systemd>& loaded = Library();
  if (!loaded.ok) {
    problem_ = loaded.error + ", so systemd is not told the daemon is ready";
    return;
  }
  const Systemd& sd = loaded.functions;
  notify_ = sd.notify;
  uint64_t usec = 0;
  if (sd.watchdog_enabled(0, &usec) > 0) watchdog_ = std::chrono::microseconds(usec);
}

void ServiceNotifier::Send(const std::string& state) {
  if (notify_) notify_(0, state.c_str());
}

void ServiceNotifier::Ready(const std::string& status) { Send("READY=1\nSTATUS=" + OneLine(status)); }

void ServiceNotifier::Status(const std::string& status) { Send("STATUS=" + OneLine(status)); }

void ServiceNotifier::Stopping(const std::string& status) { Send("STOPPING=1\nSTATUS=" + OneLine(status)); }

void ServiceNotifier::Watchdog() {
  if (watchdog_.count() == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ping_ < watchdog_ / 4) return;
  last_ping_ = now;
  Send("WATCHDOG=1");
}

}  // namespace icetrack
