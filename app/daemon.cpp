#include "app/daemon.h"

#include <spdlog/spdlog.h>

#include <optional>
#include <random>

#include "app/alert_delivery.h"
#include "app/cycle_summary.h"
#include "app/exit_codes.h"
#include "app/heap.h"
#include "app/service_notify.h"
#include "app/signal_watch.h"
#include "app/tracking_run.h"
#include "report/delivery_format.h"

namespace icetrack {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::seconds;

constexpr seconds kLockedRetry{60};     // another icetrack holds the database: try again then
constexpr seconds kShortestWait{5};     // between two passes over the outbox

std::string Iso(std::chrono::system_clock::time_point t) {
  return FormatIsoTime(UtcTime{std::chrono::duration_cast<seconds>(t.time_since_epoch()).count()});
}

class Daemon {
 public:
  explicit Daemon(const DaemonOptions& options) : options_(options) {}

  int Run() {
    if (int code = Load(&config_)) return code;
    if (int code = FirstOpen()) return code;
    if (!notifier_.problem().empty()) spdlog::error("{}", notifier_.problem());
    notifier_.Ready("started; first run now");
    spdlog::info("daemon started: a run every {} s, the first now", config_.interval);
    Clock::time_point next_run = Clock::now();
    while (!signals_.stop()) {
      if (signals_.TakeReload()) Reload();
      Clock::time_point now = Clock::now();
      if (now >= next_run) next_run = Cycle(), ReturnFreedMemory();
      else if (next_delivery_ && now >= *next_delivery_) Deliver();
      if (signals_.stop()) break;
      signals_.WaitUntil(WakeAt(next_run));
      notifier_.Watchdog();
    }
    notifier_.Stopping("stopping");
    spdlog::info("daemon stopped");
    return kExitOk;
  }

 private:
  int Load(Config* config) {
    Status s = ReadConfig(ConfigPath(options_.store.config), config);
    if (!s.ok()) {
      spdlog::error("{}", s.message());
      return kExitUsage;
    }
    for (const std::string& w : config->warnings) spdlog::warn("{}", w);
    return kExitOk;
  }

  // The store is opened (made, migrated) once before READY=1, then let go.
  int FirstOpen() {
    std::unique_ptr<InstanceLock> lock;
    std::unique_ptr<Store> store;
    IngestOptions ingest;
    RuleFlags rules = MergedRules({}, config_);
    int code = OpenStoreForWriting(Db(), &rules, &ingest, &lock, &store);
    if (code) spdlog::error("{}: the database cannot be opened; not started", Db());
    return code;
  }

  void Reload() {
    Config fresh;
    Status s = ReadConfig(ConfigPath(options_.store.config), &fresh);
    if (!s.ok()) {
      spdlog::error("{}; the configuration in use is kept", s.message());
      return;
    }
    for (const std::string& w : fresh.warnings) spdlog::warn("{}", w);
    config_ = std::move(fresh);
    spdlog::info("configuration read again from {}", config_.file.empty() ? "(no file: the defaults)" : config_.file);
  }

  std::string Db() const { return DatabasePath(options_.store.db, config_); }

  // True once stopping; pings the watchdog while a run or delivery is busy.
  std::function<bool()> Cancelled() {
    return [this] {
      notifier_.Watchdog();
      return signals_.stop();
    };
  }

  TrackSettings Settings() {
    TrackSettings s;
    s.db = Db();
    s.rules = MergedRules({}, config_);
    if (config_.page) s.cycle.page_url = *config_.page;
    s.http.user_agent = UserAgent(ICETRACK_VERSION, config_.contact.value_or(ICETRACK_CONTACT));
    s.metrics_file = options_.metrics_file.empty() ? config_.metrics_file.value_or("") : options_.metrics_file;
    s.report_dir = options_.report_dir.empty() ? config_.report_dir.value_or("") : options_.report_dir;
    s.report_language = config_.report_language;
    s.archive_moa = config_.archive_moa;
    s.cancelled = Cancelled();
    // The daemon waits between retries like everything else: a stop cuts the wait short.
    s.http.sleep = [this](std::chrono::milliseconds d) { signals_.WaitUntil(Clock::now() + d); };
    return s;
  }

  // One run; returns when the next is due.
  Clock::time_point Cycle() {
    TrackResult result;
    int code = TrackOnce(Settings(), config_, &result);
    Clock::time_point done = Clock::now();
    if (code == kExitLocked) {
      spdlog::warn("another icetrack holds the database; trying again in {} s", kLockedRetry.count());
      return done + kLockedRetry;
    }
    Log(result);
    if (signals_.stop()) return done;
    seconds wait = NextWait();
    std::string next = Iso(std::chrono::system_clock::now() + wait);
    notifier_.Status(CycleStatusLine(result.report, code) + "; next run " + next);
    spdlog::info("next run at {}", next);
    UpdateNextDelivery();
    return done + wait;
  }

  void Log(const TrackResult& result) {
    for (const std::string& e : result.report.errors()) spdlog::error("{}", e);
    for (const std::string& p : result.problems) spdlog::error("{}", p);
    for (const std::string& w : result.warnings) spdlog::warn("{}", w);
    for (const std::string& line : CycleSummaryLines(result.report, false)) spdlog::info("{}", line);
    for (const std::string& line : DeliveryPassLines(result.pass)) spdlog::info("{}", line);
    if (result.stopped) spdlog::warn("run stopped before its end: what it did not do is done next time");
  }

  void Deliver() {
    std::unique_ptr<InstanceLock> lock;
    std::unique_ptr<Store> store;
    if (OpenStoreForWriting(Db(), nullptr, nullptr, &lock, &store, false)) {
      next_delivery_ = Clock::now() + kLockedRetry;
      return;
    }
    DeliverOptions d;
    d.user_agent = UserAgent(ICETRACK_VERSION, config_.contact.value_or(ICETRACK_CONTACT));
    d.config_file = config_.file;
    d.cancelled = Cancelled();
    DeliveryPass pass;
    Status s = DeliverDue(store.get(), config_.alerts, d, &pass);
    if (!s.ok()) spdlog::error("{} (alerts not delivered)", s.message());
    for (const std::string& line : DeliveryPassLines(pass)) spdlog::info("{}", line);
    lock.reset();
    store.reset();
    UpdateNextDelivery();
  }

  // When the outbox next has something due (read-only; no lock needed).
  void UpdateNextDelivery() {
    next_delivery_.reset();
    std::unique_ptr<Store> store;
    if (!Store::OpenReadOnly(Db(), &store).ok()) return;
    OutboxHealth outbox;
    UtcTime due;
    if (!store->GetOutboxHealth(&outbox).ok() || !ParseIsoTime(outbox.next_due, &due)) return;
    int64_t now = std::chrono::duration_cast<seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    next_delivery_ = Clock::now() + std::max(kShortestWait, seconds(due.seconds - now));
  }

  seconds NextWait() {
    int64_t jitter_cap = std::min<int64_t>(config_.interval / 10, 300);
    std::uniform_int_distribution<int64_t> jitter(0, jitter_cap);
    return seconds(config_.interval + jitter(random_));
  }

  Clock::time_point WakeAt(Clock::time_point next_run) const {
    Clock::time_point wake = next_run;
    if (next_delivery_) wake = std::min(wake, *next_delivery_);
    if (notifier_.watchdog_interval().count())
      wake = std::min(wake, Clock::now() + std::chrono::duration_cast<Clock::duration>(notifier_.watchdog_interval() / 2));
    return wake;
  }

  const DaemonOptions& options_;
  Config config_;
  SignalWatch signals_;
  ServiceNotifier notifier_;
  std::optional<Clock::time_point> next_delivery_;
  std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace

int RunDaemon(const DaemonOptions& options) { return Daemon(options).Run(); }

}  // namespace icetrack
