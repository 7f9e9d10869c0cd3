// Send: one attempt at one delivery — the digest of its events, written for
// the target's channel and handed over: an email over SMTP, a signed
// Standard Webhooks POST, a Slack or Discord message, or the `apprise`
// command. Whether and when to try again is the outbox's business
// (retry_schedule.h); Send says only what this attempt gave.
//
// Promises: one attempt, never repeated here (a repeated POST could reach the
// receiver twice under two timestamps); HTTP redirects are not followed (a
// POST must not turn into a GET elsewhere; the error names the new
// location); every wait is bounded by `timeout`. The error is one line that
// shows the target's URL only as ShownUrl() and never a secret. Never throws.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "alerts/alert_target.h"
#include "alerts/retry_schedule.h"
#include "model/delivery.h"
#include "model/stored_event.h"
#include "model/utc_time.h"

namespace icetrack {

struct SendOptions {
  std::string user_agent;                     // for HTTP
  UtcTime now;                                // the attempt's time (webhook-timestamp)
  std::chrono::milliseconds timeout{60000};   // one attempt, all of it
  bool test = false;                          // a sample for `icetrack alerts test`, said as such
  std::string apprise_program = "apprise";    // found on PATH
  std::function<bool()> cancelled;            // true: abort the attempt now (a daemon told to stop)
};

AttemptOutcome Send(const AlertTarget& target, const Delivery& delivery, const std::vector<StoredEvent>& events,
                    const SendOptions& options);

// How an HTTP answer is taken: 2xx delivered; 408, 429 and 5xx retried
// (with the Retry-After asked); 410 gone; a 3xx or other 4xx failed for
// good, with the reason kept.
AttemptResult ResultOfHttpStatus(long status);

}  // namespace icetrack
