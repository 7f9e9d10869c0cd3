// Health: how an icetrack installation stands — each list, each source, the
// outbox, the last run — as `icetrack status`, the metrics file and the
// daemon's status line say it. Plain values; app/health_gather.h fills them
// from the store, diff/service_health.h judges them, report/ writes them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/change_event.h"
#include "model/roster.h"
#include "model/source_health.h"

namespace icetrack {

struct HeldSnapshot {
  int64_t id = 0;
  std::string published_at, note;
};

struct ListStanding {
  ListKind list = ListKind::Participating;
  std::string last_check_at;      // the newest fetch that read (or found unchanged) a workbook of it; "" never
  std::string latest_published;   // its newest accepted publication; "" none
  int64_t latest_snapshot = 0;
  int rows = 0, jem = 0, tfm = 0, wso = 0, no_model = 0;
  std::vector<HeldSnapshot> quarantined;
};

struct OutboxStanding {
  int pending = 0, failed = 0, expired = 0, delivered = 0, waiting_items = 0;
  std::string oldest_pending, next_due;  // "" when none
};

enum class HealthVerdict { Healthy, Stale, Failing };
const char* ToString(HealthVerdict verdict);  // "healthy", "stale", "failing"

struct Health {
  std::string now;                      // when it was gathered
  std::string page_url;
  std::string last_run_at;              // the newest fetch of the page; "" never
  std::string last_run_outcome;         // its FetchOutcome name
  std::string last_run_error;
  std::string next_run_due;             // last_run_at + the interval; "" never run
  int64_t interval_seconds = 0, stale_after_seconds = 0;
  std::vector<ListStanding> lists;      // participating, then pending (when ever seen)
  std::map<std::string, SourceHealth> sources;
  OutboxStanding outbox;
  std::map<EventKind, int64_t> events;  // every kind
  // Set by JudgeHealth (diff/service_health.h).
  HealthVerdict verdict = HealthVerdict::Healthy;
  std::vector<std::string> problems;    // one line each, worst first
};

}  // namespace icetrack
