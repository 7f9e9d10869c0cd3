// CheckSources: after a cycle, how ICE's page and the workbooks it links
// have fared (diff/source_health.h decides what is worth a notice); the
// health and the notices are recorded in one transaction, the notices routed
// to the alert targets like any event.
//
// A run counts as a failure of the page when the page could not be fetched,
// was cut short or held no roster; of the workbooks when one of those it
// links failed. A run whose page failed says nothing about the workbooks.
#pragma once

#include <vector>

#include "alerts/alert_target.h"
#include "app/tracking_cycle.h"
#include "store/store.h"

namespace icetrack {

// Adds the notices to report->notices.
Status CheckSources(Store* store, int failing_after, const std::vector<AlertTarget>& alerts, CycleReport* report);

// "the workbooks linked from <page>": how the notices name the second source.
std::string WorkbooksSource(const std::string& page_url);

}  // namespace icetrack
