#include "net/retry_budget.h"

namespace icetrack {

RetryBudget::RetryBudget(std::chrono::milliseconds total)
    : deadline_(std::chrono::steady_clock::now() + total) {}

std::chrono::milliseconds RetryBudget::Remaining() const {
  auto left = deadline_ - std::chrono::steady_clock::now();
  if (left <= std::chrono::steady_clock::duration::zero()) return std::chrono::milliseconds(0);
  return std::chrono::duration_cast<std::chrono::milliseconds>(left);
}

bool RetryBudget::Allows(std::chrono::milliseconds delay) const {
  std::chrono::milliseconds left = Remaining();
  return left > std::chrono::milliseconds(0) && delay <= left;
}

}  // namespace icetrack
