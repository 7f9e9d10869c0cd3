// Reads from the store what `export`, `report` and `run --report-dir` show:
// both lists as of a date, the participating list's publications up to it
// and the change log between two dates (report/history_export.h). Fails
// with the store's Status; never throws.
#pragma once

#include <optional>

#include "model/status.h"
#include "model/utc_time.h"
#include "report/history_export.h"
#include "store/store.h"

namespace icetrack {

// `before`: the first instant not counted; `since`: the change log's first instant, unset = from the start.
Status GatherHistory(Store* store, UtcTime before, std::optional<UtcTime> since, HistoryExport* out);

}  // namespace icetrack
