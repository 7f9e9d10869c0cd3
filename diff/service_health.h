// JudgeHealth: whether an installation is healthy, its data stale, or its
// last run failing — what `icetrack status` exits with, so that a monitor
// can run it. Pure: the standing in, the verdict and its reasons out.
//
// Failing (worse than stale): a source failed in the last run (the page, or
// a workbook it links), or a publication waits in quarantine. Stale: a list
// was last checked longer ago than stale_after (or never), or the next run is
// overdue by more than stale_after. A list the page stopped linking while the
// page is read fine (the pending list, since 2026) is reported, not stale —
// unless it is the participating list. Alerts that failed or expired are
// reported as problems without changing the verdict: the tracking is fine.
#pragma once

#include "model/health.h"
#include "model/utc_time.h"

namespace icetrack {

void JudgeHealth(UtcTime now, Health* health);

}  // namespace icetrack
