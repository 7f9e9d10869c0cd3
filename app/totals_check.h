// The cross-check of a parsed list against the page's own "As of" totals.
//
// ICE states per-model counts of participating agencies and a count of
// pending applications on the page; the workbook of the same day can differ
// by a row or two. A difference is news for a reader (a totals_mismatch
// event), never a failure and never a reason to doubt the rows. Promises:
// compares only the figures the page states (JEM, WSO, TFM and the total of
// agreements for the participating list, the pending count for the pending
// list); a page that states none gives no event. Pure.
#pragma once

#include <optional>

#include "fetcher/as_of_totals.h"
#include "model/change_event.h"
#include "model/packed_row.h"
#include "model/roster.h"

namespace icetrack {

// The totals_mismatch event for `roster`, or nullopt when it agrees with
// every figure the page states for its list.
std::optional<ChangeEvent> CheckTotals(const AsOfTotals& totals, const PackedRoster& roster);

}  // namespace icetrack
