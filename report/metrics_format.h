// The metrics file: Prometheus text exposition format (version 0.0.4), for
// node_exporter's textfile collector — rows per list and model, the last
// check, the last run (when, how long, how it ended), sources failing,
// events by kind and the outbox backlog. Every metric has HELP and TYPE;
// label values are escaped; times are Unix seconds.
#pragma once

#include <string>

#include "model/health.h"

namespace icetrack {

struct RunFacts {
  std::string started_at;    // ISO-8601 UTC; "" when the file is written outside a run
  double duration_seconds = 0;
  int exit_code = 0;
};

std::string MetricsText(const Health& health, const RunFacts& run);

}  // namespace icetrack
