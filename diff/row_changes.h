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
// `at`: the publication's time (ISO-8601 UTC), which no SIGNED date can follow.
std::vector<ChangeEvent> RowChanges(ListKind list, const RosterRow& before, const RosterRow& after,
                                    const std::set<std::string>& fields, const std::string& at);

// How a known SIGNED date moved: Renewed or SignedDateCorrected. A correction
// is a move of kMaxCorrectionDays or fewer; to the same day of the year
// before or after (a typed year fixed: 2024 -> 2025); to the same day of a
// year one digit away when one of the two dates lies after the publication
// and so cannot be (2052 -> 2025); or a move on a listing with no MOA in
// either version (nothing was signed anew that anyone could see: ICE does
// not keep older versions, so "never linked" means "in neither of these").
// A larger move on a listing with an MOA is a renewal.
constexpr int kMaxCorrectionDays = 30;
EventKind SignedDateMove(const RosterRow& before, const RosterRow& after, const std::string& at);

// An event about `row`, with its identity and its row's fields filled in.
ChangeEvent EventFor(EventKind kind, ListKind list, const RosterRow& row);

// Adds `changes` in front of the corrected event of `events`, or adds a
// corrected event about `row` holding them.
void PrependCorrection(ListKind list, const RosterRow& row, std::vector<FieldChange> changes,
                       std::vector<ChangeEvent>* events);

}  // namespace icetrack
