#include "app/tracking_run.h"

#include <chrono>

#include "app/alert_delivery.h"
#include "app/exit_codes.h"
#include "app/metrics_file.h"
#include "app/moa_archive.h"
#include "app/report_site.h"
#include "app/source_check.h"
#include "app/store_option.h"

namespace icetrack {
namespace {

int ExitCodeOf(const CycleReport& report) {
  if (report.fetch_failed()) return kExitFetch;
  if (report.parse_failed()) return kExitParse;
  return kExitOk;
}

DeliverOptions DeliverOptionsOf(const TrackSettings& s, const Config& config) {
  DeliverOptions d;
  d.user_agent = s.http.user_agent;
  d.config_file = config.file;
  d.cancelled = s.cancelled;
  return d;
}

bool Cancelled(const TrackSettings& s) { return s.cancelled && s.cancelled(); }

}  // namespace

int TrackOnce(const TrackSettings& settings, const Config& config, TrackResult* out) {
  *out = TrackResult();
  auto started = std::chrono::steady_clock::now();
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  CycleOptions cycle = settings.cycle;
  if (int code = OpenStoreForWriting(settings.db, &settings.rules, &cycle.ingest, &lock, &store)) return code;
  cycle.ingest.alerts = config.alerts;
  HttpClientOptions http = settings.http;
  http.cancelled = settings.cancelled;
  Status s = RunTrackingCycle(store.get(), HttpClient(http), cycle, &out->report);
  out->stopped = Cancelled(settings);
  // A stopped run says nothing of the sources: its failures are ours, not ICE's.
  if (s.ok() && !out->stopped) s = CheckSources(store.get(), config.failing_after, config.alerts, &out->report);
  if (!s.ok()) {
    out->problems.push_back(s.message() + " (cycle stopped)");
    return kExitStore;
  }
  int exit_code = ExitCodeOf(out->report);
  bool moa_events = false;
  if (settings.archive_moa && !out->stopped) {
    MoaArchiveOptions moa;
    moa.delay = settings.moa_delay;
    moa.recheck_after = settings.moa_recheck_after;
    moa.pending_for = settings.moa_pending_for;
    moa.cancelled = settings.cancelled;
    moa.text.program = settings.pdftotext;
    moa.alerts = config.alerts;
    MoaArchiveReport archived;
    if (!(s = ArchiveMoas(store.get(), HttpClient(http), moa, &archived)).ok()) {
      out->problems.push_back(s.message() + " (MOA documents not all checked)");
      return kExitStore;
    }
    out->moa = archived.tally;
    if (!archived.warning.empty()) out->warnings.push_back(archived.warning);
    moa_events = !archived.events.empty();
  }
  if (settings.deliver && !out->stopped &&
      !(s = DeliverDue(store.get(), config.alerts, DeliverOptionsOf(settings, config), &out->pass)).ok())
    // The cycle is recorded; what is queued goes out with the next run or `alerts deliver`.
    out->problems.push_back(s.message() + " (alerts not delivered)");
  if (!settings.report_dir.empty() && !out->stopped) {
    bool written = false;
    Status r = RefreshReportSite(store.get(), settings.report_dir, settings.report_language, out->report,
                                 moa_events, &written);
    if (!r.ok()) {
      out->problems.push_back(r.message() + " (report site not written)");
      if (exit_code == kExitOk) exit_code = kExitOutput;
    }
  }
  if (!settings.metrics_file.empty()) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    s = WriteMetricsFile(settings.metrics_file, store.get(), config, {out->report.started_at, seconds, exit_code});
    if (!s.ok()) out->problems.push_back(s.message() + " (metrics not written)");
  }
  return exit_code;
}

}  // namespace icetrack
