// NextSourceHealth: when a source (ICE's page, or the workbooks it links)
// has failed long enough to tell people, and when it is back. Pure: the
// health before a run and what the run gave in, the health after and the
// notice (if any) out.
//
// Why a count of runs and not of attempts: every run already retries within
// its budget; one bad run is ICE's web servers having a moment, N in a row
// (default 3) is a block page or a new layout that someone must look at. One
// notice per streak, at its N-th failure (never one per run), and one
// source_recovered when a reported streak ends — a streak too short to be
// reported ends in silence.
#pragma once

#include <optional>
#include <string>

#include "model/change_event.h"
#include "model/source_health.h"

namespace icetrack {

// `source` names it in the notice ("https://www.ice.gov/identify-and-arrest/287g",
// "the workbooks linked from …"); `failing_after` >= 1.
std::optional<ChangeEvent> NextSourceHealth(const std::string& source, const SourceHealth& before, bool failed,
                                            const std::string& error, const std::string& at, int failing_after,
                                            SourceHealth* after);

}  // namespace icetrack
