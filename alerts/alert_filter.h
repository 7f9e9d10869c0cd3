// Wants: whether an alert target is to be told of an event, by its filter.
//
// Promises: pure (no I/O). `kinds` applies to every event (empty means
// DefaultAlertKinds()). `states`, `models` and `match` apply to the events
// about one agreement; `lists` to those about a list (agreements, the first
// publication, a quarantine, a totals mismatch). Notices about the source
// itself (source_failing, source_recovered) pass every filter but `kinds`,
// and so does the short notice of a list's first publication but `lists`:
// a Florida desk still hears that tracking began, or that ICE's page is down.
// `match` holds words that must appear, whole and in order, in the agency's
// or the county's name, both folded as keys are ("harris county" matches
// "Harris County Sheriff's Office", "lee" does not match "Leesburg"). An
// event that moved an agreement (a state or model corrected, a rename)
// passes a filter that its old state, model or name passes.
#pragma once

#include "alerts/alert_target.h"
#include "model/change_event.h"

namespace icetrack {

bool Wants(const AlertFilter& filter, const ChangeEvent& event);

}  // namespace icetrack
