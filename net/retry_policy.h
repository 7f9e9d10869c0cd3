// RetryPolicy: how often and how patiently one request is retried.
//
// Promises: the delay before retry n grows exponentially from base_delay,
// never beyond max_delay, and is spread by jitter so that several clients (or
// the two workbook downloads of one cycle) do not retry in step. Pure
// arithmetic: it neither sleeps nor reads a clock.
#pragma once

#include <chrono>

namespace icetrack {

struct RetryPolicy {
  int max_attempts = 4;                                 // per call, first attempt included
  std::chrono::milliseconds base_delay{1000};           // before the first retry
  std::chrono::milliseconds max_delay{60000};           // cap on any backoff delay
};

// Delay after `failed_attempts` (>= 1) failures: min(max_delay,
// base_delay * 2^(failed_attempts - 1)), scaled into [half, full] by `jitter`
// in [0, 1) (0 gives half the delay, values near 1 nearly all of it).
std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy, int failed_attempts,
                                       double jitter);

}  // namespace icetrack
