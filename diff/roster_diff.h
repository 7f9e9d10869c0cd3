// DiffRoster: the change events between what a list was and a new publication.
//
// Promises: pure (no I/O, no clock, no SQL): the same inputs give the same
// events in the same order. A disappearance is only `missing` until it lasts
// DiffOptions::removal_after publications (then `removed`, dated by `since`);
// a return before that is `reappeared`. A missing and a new row of one state
// and model that look like one agency are `renamed`, not a removal and a
// signing. The first publication of a list is one `baseline` event.
// Counts reconcile per step (see Reconciles).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/change_event.h"
#include "model/list_state.h"
#include "model/roster.h"

namespace icetrack {

struct DiffOptions {
  int removal_after = 3;  // consecutive absent publications that confirm a removal
};

// `at`: the publication time of `roster` (used for `since` of new misses).
ListUpdate DiffRoster(const ListState& previous, const Roster& roster, const std::string& at,
                      const OtherList& other, const DiffOptions& options);

// The step's counts agree with the change in rows:
// participating: signed + reappeared - missing == new rows - previous rows;
// pending: pending_added - pending_removed - approved == new rows - previous rows.
bool Reconciles(ListKind list, const std::vector<ChangeEvent>& events, size_t previous_rows,
                size_t new_rows);

}  // namespace icetrack
