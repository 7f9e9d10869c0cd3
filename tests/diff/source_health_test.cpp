#include "diff/source_health.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

const char kPage[] = "https://www.ice.gov/identify-and-arrest/287g";

std::string Day(int d) { return "2026-05-0" + std::to_string(d) + "T10:00:00Z"; }

TEST_CASE("the N-th failure in a row gives one notice, later ones none") {
  SourceHealth h, next;
  std::vector<std::optional<ChangeEvent>> notices;
  for (int run = 1; run <= 5; ++run) {
    notices.push_back(NextSourceHealth(kPage, h, true, "HTTP 403 after 4 attempts", Day(run), 3, &next));
    h = next;
  }
  CHECK_FALSE(notices[0]);
  CHECK_FALSE(notices[1]);
  REQUIRE(notices[2]);
  CHECK(notices[2]->kind == EventKind::SourceFailing);
  CHECK(notices[2]->key == kPage);
  CHECK(notices[2]->detail ==
        "could not be read in 3 runs in a row since 2026-05-01T10:00:00Z: HTTP 403 after 4 attempts");
  CHECK_FALSE(notices[3]);
  CHECK_FALSE(notices[4]);
  CHECK(h.failures == 5);
  CHECK(h.failing_since == Day(1));
  CHECK(h.reported);
}

TEST_CASE("a reported streak ends in source_recovered, a short one in silence") {
  SourceHealth reported{4, Day(1), "HTTP 503", true}, after;
  std::optional<ChangeEvent> back = NextSourceHealth(kPage, reported, false, "", Day(5), 3, &after);
  REQUIRE(back);
  CHECK(back->kind == EventKind::SourceRecovered);
  CHECK(back->detail == "read again after 4 runs that failed since 2026-05-01T10:00:00Z");
  CHECK(after.failures == 0);
  CHECK_FALSE(after.reported);
  SourceHealth short_streak{2, Day(1), "HTTP 503", false};
  CHECK_FALSE(NextSourceHealth(kPage, short_streak, false, "", Day(3), 3, &after));
  CHECK(after.failures == 0);
}

TEST_CASE("failing_after 1 reports the first failure") {
  SourceHealth h, after;
  CHECK(NextSourceHealth(kPage, h, true, "timeout", Day(1), 1, &after));
}

}  // namespace
}  // namespace icetrack
