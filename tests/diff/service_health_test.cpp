#include "diff/service_health.h"

#include <doctest/doctest.h>

#include <string>

namespace icetrack {
namespace {

UtcTime At(const std::string& iso) {
  UtcTime t;
  REQUIRE(ParseIsoTime(iso, &t));
  return t;
}

// Read hourly and fine: both lists checked at the last run.
Health Running() {
  Health h;
  h.last_run_at = "2026-06-01T10:00:00Z";
  h.last_run_outcome = "ok";
  h.next_run_due = "2026-06-01T11:00:00Z";
  h.interval_seconds = 3600;
  h.stale_after_seconds = 86400;
  ListStanding participating, pending;
  participating.list = ListKind::Participating;
  pending.list = ListKind::Pending;
  participating.last_check_at = pending.last_check_at = h.last_run_at;
  h.lists = {participating, pending};
  return h;
}

bool Mentions(const Health& h, const std::string& text) {
  for (const std::string& p : h.problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

TEST_CASE("checked within the bound and nothing failing is healthy") {
  Health h = Running();
  JudgeHealth(At("2026-06-01T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Healthy);
  CHECK(h.problems.empty());
}

TEST_CASE("no run for longer than stale_after is stale, with the reason") {
  Health h = Running();
  JudgeHealth(At("2026-06-03T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Stale);
  CHECK(Mentions(h, "participating: last checked 2 days ago"));
  CHECK(Mentions(h, "is the timer or the daemon running?"));
}

TEST_CASE("a pending list the page stopped linking is reported, not stale") {
  Health h = Running();
  h.lists[1].last_check_at = "2026-01-10T10:00:00Z";  // linked last in January; the page is read hourly
  JudgeHealth(At("2026-06-01T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Healthy);
  CHECK(Mentions(h, "pending: the page no longer links it (last seen 142 days ago)"));
}

TEST_CASE("the participating list the page stopped linking is stale") {
  Health h = Running();
  h.lists[0].last_check_at = "2026-05-20T10:00:00Z";
  JudgeHealth(At("2026-06-01T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Stale);
  CHECK(Mentions(h, "participating: the page has not linked it since 12 days ago"));
}

TEST_CASE("a list unchecked while the page fails is stale, and the failure is failing") {
  Health h = Running();
  h.last_run_outcome = "error";
  h.lists[1].last_check_at = "2026-05-20T10:00:00Z";
  h.sources["https://www.ice.gov/identify-and-arrest/287g"] = SourceHealth{};
  h.sources.begin()->second.failures = 2;
  h.sources.begin()->second.last_error = "HTTP 403";
  JudgeHealth(At("2026-06-01T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Failing);
  CHECK(Mentions(h, "pending: last checked 12 days ago"));
  CHECK(h.problems.front().find("HTTP 403") != std::string::npos);  // worst first
}

TEST_CASE("a quarantined publication is failing and names the command that releases it") {
  Health h = Running();
  h.lists[0].quarantined.push_back({42, "2026-05-31T00:00:00Z", "removes 40% of the rows"});
  JudgeHealth(At("2026-06-01T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Failing);
  CHECK(Mentions(h, "`icetrack accept 42`"));
}

TEST_CASE("failed deliveries are a problem without changing the verdict") {
  Health h = Running();
  h.outbox.failed = 2;
  JudgeHealth(At("2026-06-01T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Healthy);
  CHECK(Mentions(h, "2 alert deliveries failed or expired"));
}

TEST_CASE("nothing ever read is stale") {
  Health h;
  h.stale_after_seconds = 86400;
  JudgeHealth(At("2026-06-01T10:30:00Z"), &h);
  CHECK(h.verdict == HealthVerdict::Stale);
  CHECK(Mentions(h, "no list was ever read"));
}

}  // namespace
}  // namespace icetrack
