// Where a newly read publication of a list goes: the rules that keep the
// change log running forwards and keep a broken workbook out of it. Pure:
// the caller gathers the facts (from the store) and records the answer.
//
// In order: bytes already stored are a Duplicate (nothing new); a
// publication older than its list's latest accepted one is Late (kept
// without events: diffing it would run history backwards); one whose step
// looks broken (guard.h) is Quarantined, unless a reviewer accepted it by
// hand; anything else is Accepted.
#pragma once

#include <optional>
#include <string>

#include "diff/guard.h"
#include "model/list_state.h"
#include "model/snapshot_status.h"

namespace icetrack {

enum class Placement { Duplicate, Late, Quarantined, Accepted };
const char* ToString(Placement placement);  // "duplicate", "late", "quarantined", "accepted"
SnapshotStatus StatusOf(Placement placement);  // Duplicate has none: Accepted

struct Arrival {
  bool already_stored = false;    // its bytes are a stored snapshot
  std::string published_at;       // ISO-8601 UTC
  std::string list_latest_at;     // the list's latest accepted publication; "" when none
  bool accepted_by_hand = false;  // a reviewer released it (`icetrack accept`)
};

// Duplicate or Late; nullopt when the publication is to be diffed. Times are
// compared as instants; one that cannot be read is never Late.
std::optional<Placement> PlaceBeforeDiff(const Arrival& arrival);

// After the diff of `list` from `previous_rows` to `new_rows` rows: Quarantined
// or Accepted. *why gets what makes the step look broken ("" when nothing
// does), also for a publication a reviewer accepted nonetheless.
Placement PlaceAfterDiff(const Arrival& arrival, ListKind list, const ListUpdate& update, size_t previous_rows,
                         size_t new_rows, const GuardOptions& guard, std::string* why);

}  // namespace icetrack
