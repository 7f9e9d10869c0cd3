#include "alerts/retry_schedule.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

constexpr int64_t kStart = 1'780'000'000;

Delivery Fresh() {
  Delivery d;
  d.id = "msg_1";
  d.target = "hook";
  d.created_at = d.schedule_from = FormatIsoTime(UtcTime{kStart});
  return d;
}

AttemptOutcome Failure(std::optional<int64_t> retry_after = std::nullopt) {
  return {AttemptResult::Retry, "HTTP 500", retry_after};
}

int64_t Next(const Delivery& d) {
  UtcTime t;
  REQUIRE(ParseIsoTime(d.next_attempt_at, &t));
  return t.seconds;
}

const std::vector<int64_t> kSchedule = {5, 300, 1800};

TEST_CASE("failed attempts follow the schedule as a timeline, the last step repeating") {
  Delivery d = AfterAttempt(Fresh(), Failure(), kSchedule, 86400, UtcTime{kStart}, 0);
  CHECK(d.status == DeliveryStatus::Pending);
  CHECK(d.attempts == 1);
  CHECK(Next(d) == kStart + 5);
  d = AfterAttempt(d, Failure(), kSchedule, 86400, UtcTime{kStart + 5}, 0);
  CHECK(Next(d) == kStart + 5 + 300);
  d = AfterAttempt(d, Failure(), kSchedule, 86400, UtcTime{kStart + 305}, 0);
  CHECK(Next(d) == kStart + 305 + 1800);
  d = AfterAttempt(d, Failure(), kSchedule, 86400, UtcTime{kStart + 2105}, 0);
  CHECK(Next(d) == kStart + 2105 + 1800);
  CHECK(d.attempts == 4);
  CHECK(d.last_error == "HTTP 500");
}

TEST_CASE("a late attempt takes the step its time has reached, not the first one again") {
  Delivery d = AfterAttempt(Fresh(), Failure(), kSchedule, 86400, UtcTime{kStart + 3600}, 0);
  CHECK(Next(d) == kStart + 3600 + 1800);
}

TEST_CASE("jitter lengthens a wait by up to a tenth, never shortens it") {
  Delivery d = AfterAttempt(Fresh(), Failure(), {1000}, 86400, UtcTime{kStart}, 0.999);
  CHECK(Next(d) == kStart + 1099);
  d = AfterAttempt(Fresh(), Failure(), {1000}, 86400, UtcTime{kStart}, 0.0);
  CHECK(Next(d) == kStart + 1000);
}

TEST_CASE("Retry-After is honoured when it asks for longer than the schedule") {
  Delivery d = AfterAttempt(Fresh(), Failure(120), kSchedule, 86400, UtcTime{kStart}, 0);
  CHECK(Next(d) == kStart + 120);
  d = AfterAttempt(Fresh(), Failure(1), kSchedule, 86400, UtcTime{kStart}, 0);
  CHECK(Next(d) == kStart + 5);
}

TEST_CASE("past give_up_after a delivery expires, its last error kept") {
  Delivery d = AfterAttempt(Fresh(), Failure(), kSchedule, 3600, UtcTime{kStart + 2000}, 0);
  CHECK(d.status == DeliveryStatus::Expired);
  CHECK(d.next_attempt_at.empty());
  CHECK(d.last_error == "gave up after 1 attempts (give_up_after = 1h); last error: HTTP 500");
  d = AfterAttempt(Fresh(), Failure(7200), kSchedule, 3600, UtcTime{kStart}, 0);
  CHECK(d.status == DeliveryStatus::Expired);  // the receiver asks to wait past the end
  d = AfterAttempt(Fresh(), Failure(), {}, 3600, UtcTime{kStart}, 0);
  CHECK(d.status == DeliveryStatus::Expired);
  CHECK(d.last_error == "not retried (retry = []); last error: HTTP 500");
}

TEST_CASE("delivered, failed and gone are final until `alerts retry`") {
  Delivery d = AfterAttempt(Fresh(), {AttemptResult::Delivered, "", std::nullopt}, kSchedule, 3600,
                            UtcTime{kStart + 9}, 0);
  CHECK(d.status == DeliveryStatus::Delivered);
  CHECK(d.delivered_at == FormatIsoTime(UtcTime{kStart + 9}));
  CHECK(d.last_error.empty());
  d = AfterAttempt(Fresh(), {AttemptResult::Failed, "HTTP 400: bad", std::nullopt}, kSchedule, 3600,
                   UtcTime{kStart}, 0);
  CHECK(d.status == DeliveryStatus::Failed);
  CHECK(d.last_error == "HTTP 400: bad");
  d = AfterAttempt(Fresh(), {AttemptResult::Gone, "HTTP 410", std::nullopt}, kSchedule, 3600, UtcTime{kStart}, 0);
  CHECK(d.status == DeliveryStatus::Failed);
  CHECK(d.next_attempt_at.empty());
}

}  // namespace
}  // namespace icetrack
