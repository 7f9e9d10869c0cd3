#include <doctest/doctest.h>

#include "diff/publication.h"

namespace icetrack {
namespace {

ListUpdate WithMissing(int n) {
  ListUpdate update;
  ChangeEvent e;
  e.kind = EventKind::Missing;
  update.events.assign(static_cast<size_t>(n), e);
  return update;
}

TEST_CASE("bytes already stored are a duplicate, whatever else holds") {
  Arrival a{true, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", false};
  CHECK(PlaceBeforeDiff(a) == Placement::Duplicate);
}

TEST_CASE("a publication older than its list's latest is late — times are compared as instants") {
  CHECK(PlaceBeforeDiff({false, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", false}) == Placement::Late);
  CHECK(PlaceBeforeDiff({false, "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z", false}) == std::nullopt);
  CHECK(PlaceBeforeDiff({false, "2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z", false}) == std::nullopt);
  CHECK(PlaceBeforeDiff({false, "2026-03-01T00:00:00Z", "", false}) == std::nullopt);  // the first one
  // As text "2026-02-01T05:00:00+06:00" sorts after "2026-01-31T23:30:00Z"; as an instant it is before.
  CHECK(PlaceBeforeDiff({false, "2026-02-01T05:00:00+06:00", "2026-01-31T23:30:00Z", false}) == Placement::Late);
  // A time that cannot be read is never called late (nothing is hidden on a guess).
  CHECK(PlaceBeforeDiff({false, "garbage", "2026-02-01T00:00:00Z", false}) == std::nullopt);
}

TEST_CASE("a step that would take away too much is quarantined, unless a reviewer accepted it") {
  Arrival a{false, "2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z", false};
  std::string why;
  CHECK(PlaceAfterDiff(a, ListKind::Participating, WithMissing(60), 100, 40, GuardOptions(), &why) ==
        Placement::Quarantined);
  CHECK(why == "would take away 60 of the 100 rows of the participating list (60%, over 25%)");
  CHECK(PlaceAfterDiff(a, ListKind::Participating, WithMissing(10), 100, 95, GuardOptions(), &why) ==
        Placement::Accepted);
  CHECK(why.empty());
  a.accepted_by_hand = true;
  CHECK(PlaceAfterDiff(a, ListKind::Participating, WithMissing(60), 100, 40, GuardOptions(), &why) ==
        Placement::Accepted);
  CHECK(!why.empty());  // it still looked broken: the history says so
}

TEST_CASE("placements map to snapshot statuses") {
  CHECK(StatusOf(Placement::Accepted) == SnapshotStatus::Accepted);
  CHECK(StatusOf(Placement::Late) == SnapshotStatus::Late);
  CHECK(StatusOf(Placement::Quarantined) == SnapshotStatus::Quarantined);
  CHECK(std::string(ToString(Placement::Duplicate)) == "duplicate");
}

}  // namespace
}  // namespace icetrack
