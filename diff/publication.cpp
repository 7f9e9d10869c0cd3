#include "diff/publication.h"

#include "model/utc_time.h"

namespace icetrack {

const char* ToString(Placement placement) {
  switch (placement) {
    case Placement::Duplicate: return "duplicate";
    case Placement::Late: return "late";
    case Placement::Quarantined: return "quarantined";
    case Placement::Accepted: break;
  }
  return "accepted";
}

SnapshotStatus StatusOf(Placement placement) {
  switch (placement) {
    case Placement::Late: return SnapshotStatus::Late;
    case Placement::Quarantined: return SnapshotStatus::Quarantined;
    case Placement::Duplicate:
    case Placement::Accepted: break;
  }
  return SnapshotStatus::Accepted;
}

std::optional<Placement> PlaceBeforeDiff(const Arrival& arrival) {
  if (arrival.already_stored) return Placement::Duplicate;
  UtcTime at, latest;
  if (ParseIsoTime(arrival.published_at, &at) && ParseIsoTime(arrival.list_latest_at, &latest) && at < latest)
    return Placement::Late;
  return std::nullopt;
}

Placement PlaceAfterDiff(const Arrival& arrival, ListKind list, const ListUpdate& update, size_t previous_rows,
                         size_t new_rows, const GuardOptions& guard, std::string* why) {
  *why = SuspicionOf(list, update.events, previous_rows, new_rows, guard);
  return why->empty() || arrival.accepted_by_hand ? Placement::Accepted : Placement::Quarantined;
}

}  // namespace icetrack
