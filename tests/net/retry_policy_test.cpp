#include "net/retry_policy.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

using std::chrono::milliseconds;

TEST_CASE("backoff doubles, is capped, and jitter spreads it over [half, full]") {
  RetryPolicy policy;
  policy.base_delay = milliseconds(1000);
  policy.max_delay = milliseconds(5000);
  CHECK(BackoffDelay(policy, 1, 0.0) == milliseconds(500));
  CHECK(BackoffDelay(policy, 1, 0.999) == milliseconds(999));
  CHECK(BackoffDelay(policy, 2, 0.0) == milliseconds(1000));
  CHECK(BackoffDelay(policy, 3, 0.5) == milliseconds(3000));
  CHECK(BackoffDelay(policy, 4, 1.0) == milliseconds(5000));   // 8000 capped
  CHECK(BackoffDelay(policy, 200, 0.0) == milliseconds(2500));  // no overflow
}

}  // namespace
}  // namespace icetrack
