#include <doctest/doctest.h>

#include "diff/guard.h"

namespace icetrack {
namespace {

std::vector<ChangeEvent> Events(EventKind kind, int n) {
  ChangeEvent e;
  e.kind = kind;
  return std::vector<ChangeEvent>(static_cast<size_t>(n), e);
}

TEST_CASE("a half-empty participating workbook is suspect — ordinary churn is not") {
  GuardOptions options;
  CHECK(SuspicionOf(ListKind::Participating, Events(EventKind::Missing, 205), 444, 239, options) ==
        "would take away 205 of the 444 rows of the participating list (46%, over 25%)");
  CHECK(SuspicionOf(ListKind::Participating, Events(EventKind::Missing, 11), 1500, 1510, options).empty());
  CHECK(SuspicionOf(ListKind::Participating, Events(EventKind::Missing, 111), 444, 400, options).empty());
  options.max_removed_share = 0.10;
  CHECK_FALSE(SuspicionOf(ListKind::Participating, Events(EventKind::Missing, 50), 444, 400, options).empty());
}

TEST_CASE("an empty workbook is always suspect") {
  CHECK(SuspicionOf(ListKind::Participating, {}, 1800, 0, GuardOptions()) == "the workbook has a header but no rows");
  CHECK(SuspicionOf(ListKind::Pending, {}, 10, 0, GuardOptions()) == "the workbook has a header but no rows");
  CHECK(SuspicionOf(ListKind::Participating, {}, 0, 0, GuardOptions()) == "the workbook has a header but no rows");
}

TEST_CASE("the pending list may turn over completely") {
  CHECK(SuspicionOf(ListKind::Pending, Events(EventKind::PendingRemoved, 10), 10, 12, GuardOptions()).empty());
  GuardOptions strict;
  strict.max_pending_removed_share = 0.5;
  CHECK_FALSE(SuspicionOf(ListKind::Pending, Events(EventKind::PendingRemoved, 10), 10, 12, strict).empty());
  // Approvals are not losses.
  CHECK(SuspicionOf(ListKind::Pending, Events(EventKind::Approved, 10), 10, 1, strict).empty());
}

}  // namespace
}  // namespace icetrack
