// DiffRoster: the change events between what a list was and a new publication.
//
// Promises: pure (no I/O, no clock, no SQL): the same inputs give the same
// events in the same order. The agreement lifecycle is decided here and
// only here: a disappearance is `missing` until it has lasted
// DiffOptions::removal_after publications *and* removal_after_days days
// since the first of them (then `removed`, dated by `since`); a return
// before that is `reappeared`. A removed agreement that comes back with the
// same SIGNED date (or none, both times) is `reappeared` too, its detail
// saying when it was reported removed; with another SIGNED date it is a new
// agreement, `signed`, naming the earlier one. A row that left and one that
// joined are one agreement `corrected` when ICE fixed its state or model
// (correction_match.h), or `renamed` when it re-spelled its name
// (rename_match.h): never a removal plus a signing. The first publication
// of a list is one `baseline` event. Counts reconcile per step (Reconciles).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/change_event.h"
#include "model/list_state.h"
#include "model/packed_row.h"
#include "model/roster.h"

namespace icetrack {

// Raise when a change to the reader or the diff changes what stored
// workbooks give: a writer that finds a database built under another value
// rebuilds its change log (see app/rebuild.h).
// 3: history replayed in publication order, not in the order it arrived.
constexpr int kDiffRulesVersion = 3;

struct DiffOptions {
  int removal_after = 3;       // publications without it that a removal needs
  int removal_after_days = 7;  // days since the first of them that a removal needs
};

// `at`: the publication time of `roster` (ISO-8601 UTC). The new state
// shares the roster's packed rows; only rows that did not stay, or stayed
// changed, are unpacked.
ListUpdate DiffRoster(const ListState& previous, const PackedRoster& roster, const std::string& at,
                      const OtherList& other, const DiffOptions& options);
// The same for a roster held unpacked (it is packed first).
ListUpdate DiffRoster(const ListState& previous, const Roster& roster, const std::string& at,
                      const OtherList& other, const DiffOptions& options);

// The step's counts agree with the change in rows:
// participating: signed + reappeared - missing == new rows - previous rows;
// pending: pending_added - pending_removed - approved == new rows - previous rows.
bool Reconciles(ListKind list, const std::vector<ChangeEvent>& events, size_t previous_rows,
                size_t new_rows);

}  // namespace icetrack
