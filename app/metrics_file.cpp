#include "app/metrics_file.h"

#include "app/health_gather.h"
#include "app/ingest.h"
#include "app/output_file.h"

namespace icetrack {

Status WriteMetricsFile(const std::string& path, Store* store, const Config& config, const RunFacts& run) {
  UtcTime now;
  ParseIsoTime(NowUtc(), &now);
  Health health;
  Status s = GatherHealth(store, config, now, &health);
  if (!s.ok()) return s;
  return WriteFileAtomically(path, MetricsText(health, run));
}

}  // namespace icetrack
