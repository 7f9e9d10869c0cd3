// DeliverDue: one pass over the outbox — what waits is made into deliveries
// (one per target), and every delivery that is due is tried once: its
// digest sent (alerts/sender.h), what came of it recorded, the retry rule
// applied (alerts/retry_schedule.h). Shared by `run` (at its end) and
// `icetrack alerts deliver`.
//
// Promises: a delivery's row, and so its id, exists before its first
// attempt, and each attempt is recorded right after it: a process killed in
// between sends the same id again, never a new one. A delivery whose target
// is switched off (HTTP 410, or `enabled = false`) is held, not tried, until
// it is on again; one whose target the configuration no longer has fails,
// saying so. A delivery with nothing left to say (a rebuild dropped its
// events) is never sent. The caller holds the writer's lock, so that two
// processes never send the same delivery at once.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "alerts/alert_target.h"
#include "alerts/retry_schedule.h"  // AttemptOutcome
#include "model/delivery.h"
#include "model/utc_time.h"
#include "store/store.h"

namespace icetrack {

struct DeliverOptions {
  std::string user_agent;
  std::chrono::milliseconds timeout{60000};  // one attempt
  std::string config_file;                   // names the configuration in errors
  std::function<UtcTime()> now;              // default: the system clock
  std::function<double()> jitter;            // in [0, 1); default: random
  std::function<bool()> cancelled;           // true: stop (the attempt under way aborts; no other begins)
};

Status DeliverDue(Store* store, const std::vector<AlertTarget>& targets, const DeliverOptions& options,
                  DeliveryPass* out);

// Sends `target` a sample digest (SampleEvents), marked as a test, outside
// the outbox; the outcome says what the target answered.
AttemptOutcome SendTest(const AlertTarget& target, const DeliverOptions& options);

}  // namespace icetrack
