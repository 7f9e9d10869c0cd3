// The metrics file (report/metrics_format.h), written for node_exporter's
// textfile collector: whole or not at all (app/output_file.h), so the
// collector never reads half.
#pragma once

#include <string>

#include "app/config.h"
#include "model/status.h"
#include "report/metrics_format.h"
#include "store/store.h"

namespace icetrack {

// Gathers the health from `store` and writes `path`.
Status WriteMetricsFile(const std::string& path, Store* store, const Config& config, const RunFacts& run);

}  // namespace icetrack
