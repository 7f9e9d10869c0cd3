// The events between two versions of one row (same agreement, both publications).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/change_event.h"

namespace icetrack {

// A SIGNED date that moved (both dates known) is signed_date_corrected when
// ICE fixing its own dates explains it (see SignedDateMove), else renewed.
// Then moa_published, moa_changed, addendum_added, and one corrected for
// agency type, county, a date that became readable or unreadable, and extra
// columns. Spelling changes that keep the key (case, ’ vs ') are not events.
// Only `fields` (columns both publications have, see Roster::fields) are
// compared: a column ICE adds is not a correction of every row.
std::vector<ChangeEvent> RowChanges(ListKind list, const RosterRow& before, const RosterRow& after,
                                    const std::set<std::string>& fields);

// How a known SIGNED date moved: Renewed or SignedDateCorrected. A move of
// kMaxCorrectionDays or fewer, to the same day and month of a year one
// keystroke away (2024 -> 2025, 2052 -> 2025), or on a listing that never
// linked an MOA (nothing was signed anew that anyone could see) is a
// correction; a larger move on a listing with an MOA is a renewal.
constexpr int kMaxCorrectionDays = 30;
EventKind SignedDateMove(const RosterRow& before, const RosterRow& after);

// An event about `row`, with its identity and its row's fields filled in.
ChangeEvent EventFor(EventKind kind, ListKind list, const RosterRow& row);

// Adds `changes` in front of the corrected event of `events`, or adds a
// corrected event about `row` holding them.
void PrependCorrection(ListKind list, const RosterRow& row, std::vector<FieldChange> changes,
                       std::vector<ChangeEvent>* events);

}  // namespace icetrack
