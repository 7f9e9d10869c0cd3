#include "report/metrics_format.h"

#include <cstdio>

#include "model/utc_time.h"

namespace icetrack {
namespace {

std::string Label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string Number(double v) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

// One metric family: its HELP and TYPE, then its samples.
class Family {
 public:
  Family(std::string* out, const char* name, const char* type, const char* help) : out_(out), name_(name) {
    *out_ += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
  }
  void Sample(double value, const std::string& labels = "") {
    *out_ += name_ + (labels.empty() ? "" : "{" + labels + "}") + " " + Number(value) + "\n";
  }

 private:
  std::string* out_;
  std::string name_;
};

double Seconds(const std::string& iso) {
  UtcTime t;
  return ParseIsoTime(iso, &t) ? static_cast<double>(t.seconds) : 0;
}

}  // namespace

std::string MetricsText(const Health& h, const RunFacts& run) {
  std::string out;
  Family rows(&out, "icetrack_rows", "gauge", "Rows of the newest accepted publication, by list and model.");
  for (const ListStanding& l : h.lists) {
    std::string list = "list=\"" + Label(ToString(l.list)) + "\",model=\"";
    rows.Sample(l.jem, list + "JEM\"");
    rows.Sample(l.tfm, list + "TFM\"");
    rows.Sample(l.wso, list + "WSO\"");
    rows.Sample(l.no_model, list + "none\"");
  }
  Family checked(&out, "icetrack_last_check_timestamp_seconds", "gauge",
                 "When the list was last read or found unchanged (0: never).");
  for (const ListStanding& l : h.lists) checked.Sample(Seconds(l.last_check_at), "list=\"" + Label(ToString(l.list)) + "\"");
  Family published(&out, "icetrack_last_publication_timestamp_seconds", "gauge",
                   "When ICE published the newest accepted publication of the list.");
  for (const ListStanding& l : h.lists)
    published.Sample(Seconds(l.latest_published), "list=\"" + Label(ToString(l.list)) + "\"");
  Family quarantined(&out, "icetrack_quarantined_publications", "gauge", "Publications held back, not released.");
  for (const ListStanding& l : h.lists)
    quarantined.Sample(static_cast<double>(l.quarantined.size()), "list=\"" + Label(ToString(l.list)) + "\"");
  if (!run.started_at.empty()) {
    Family(&out, "icetrack_last_run_timestamp_seconds", "gauge", "When the last run started.")
        .Sample(Seconds(run.started_at));
    Family(&out, "icetrack_last_run_duration_seconds", "gauge", "How long the last run took.")
        .Sample(run.duration_seconds);
    Family(&out, "icetrack_last_run_exit_code", "gauge", "The last run's exit code (0: success; see README).")
        .Sample(run.exit_code);
  }
  Family failures(&out, "icetrack_source_consecutive_failures", "gauge",
                  "Runs in a row in which the source could not be read.");
  for (const auto& [source, s] : h.sources) failures.Sample(s.failures, "source=\"" + Label(source) + "\"");
  Family events(&out, "icetrack_events", "gauge", "Events in the change log, by kind.");
  for (const auto& [kind, n] : h.events) events.Sample(static_cast<double>(n), "kind=\"" + Label(ToString(kind)) + "\"");
  Family deliveries(&out, "icetrack_alert_deliveries", "gauge", "Alert deliveries in the outbox, by status.");
  deliveries.Sample(h.outbox.pending, "status=\"pending\"");
  deliveries.Sample(h.outbox.failed, "status=\"failed\"");
  deliveries.Sample(h.outbox.expired, "status=\"expired\"");
  deliveries.Sample(h.outbox.delivered, "status=\"delivered\"");
  Family(&out, "icetrack_alert_events_waiting", "gauge", "Events queued for a target and in no delivery yet.")
      .Sample(h.outbox.waiting_items);
  Family(&out, "icetrack_alert_oldest_pending_timestamp_seconds", "gauge",
         "When the oldest pending delivery was made (0: none).")
      .Sample(Seconds(h.outbox.oldest_pending));
  Family(&out, "icetrack_healthy", "gauge", "1 when `icetrack status` says healthy, else 0.")
      .Sample(h.verdict == HealthVerdict::Healthy ? 1 : 0);
  return out;
}

}  // namespace icetrack
