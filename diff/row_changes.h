// The events between two versions of one row (same key, both publications).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/change_event.h"

namespace icetrack {

// resigned (both dates known and different), moa_published, moa_changed,
// addendum_added, corrected (agency type, county, a date that became
// readable or unreadable, extra columns). Spelling changes that keep the key
// (case, ’ vs ') are not events.
// Only `fields` (columns both publications have, see Roster::fields) are
// compared: a column ICE adds is not a correction of every row.
std::vector<ChangeEvent> RowChanges(ListKind list, const RosterRow& before, const RosterRow& after,
                                    const std::set<std::string>& fields);

// An event about `row`, with its identity filled in.
ChangeEvent EventFor(EventKind kind, ListKind list, const RosterRow& row);

}  // namespace icetrack
