// AfterAttempt: where a delivery stands after one attempt — the outbox's
// one rule for retries, pure (no clock: `now` is given; no randomness: the
// jitter is).
//
// Promises: a delivered message is never tried again; a refused one
// (Failed, Gone) waits for `icetrack alerts retry`; a failed attempt is
// tried again after the next step of the target's schedule, lengthened by
// up to 10 % of jitter (never shortened, so a receiver's rate limits hold)
// and never sooner than the receiver's Retry-After. The schedule is a
// timeline from `schedule_from` (a late attempt takes the step its time has
// reached), its last step repeating; when the next attempt would fall after
// `give_up_after` from that start (or the schedule is empty), the delivery
// is Expired with the last error kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/delivery.h"
#include "model/utc_time.h"

namespace icetrack {

// What one attempt gave.
enum class AttemptResult {
  Delivered,  // the receiver took it (2xx, SMTP 250)
  Retry,      // try again later: no answer, 5xx, 408, 429, an SMTP 4xx
  Failed,     // refused for good: another 4xx, an SMTP 5xx, a configuration the server rejects
  Gone,       // HTTP 410: the receiver is gone; the target is switched off
};

struct AttemptOutcome {
  AttemptResult result = AttemptResult::Retry;
  std::string error;                   // one line, never a secret; "" when delivered
  std::optional<int64_t> retry_after;  // seconds the receiver asked to wait
  bool no_answer = false;              // nothing came back (no connection, a timeout): the receiver is unreachable
};

// `jitter` in [0, 1).
Delivery AfterAttempt(Delivery delivery, const AttemptOutcome& outcome, const std::vector<int64_t>& schedule,
                      int64_t give_up_after, UtcTime now, double jitter);

}  // namespace icetrack
