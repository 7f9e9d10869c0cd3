#include "net/retry_policy.h"

#include <algorithm>

namespace icetrack {

std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy, int failed_attempts,
                                       double jitter) {
  using std::chrono::milliseconds;
  // Doubling in milliseconds overflows past ~2^50; 30 doublings already exceed any sane cap.
  int doublings = std::clamp(failed_attempts - 1, 0, 30);
  long long full = std::min<long long>(policy.base_delay.count() << doublings,
                                       policy.max_delay.count());
  full = std::max(full, 0LL);
  jitter = std::clamp(jitter, 0.0, 1.0);
  long long half = full / 2;
  return milliseconds(half + static_cast<long long>(static_cast<double>(full - half) * jitter));
}

}  // namespace icetrack
