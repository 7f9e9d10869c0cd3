// RetryBudget: the time one fetch cycle may spend waiting to retry.
//
// One budget is made at the start of a cycle and passed to every request of
// that cycle (the page and its workbooks), so that a flaky server cannot make
// a cycle run into the next. Promises: a fixed deadline on the steady clock,
// set at construction and never changed, so one budget may be shared by
// requests running on several threads. It never sleeps and never cancels a
// transfer in progress; the client asks it before each retry.
#pragma once

#include <chrono>

namespace icetrack {

class RetryBudget {
 public:
  // A budget of `total` from now.
  explicit RetryBudget(std::chrono::milliseconds total);

  // Time left before the deadline; zero once it has passed.
  std::chrono::milliseconds Remaining() const;
  // Whether waiting `delay` (and then retrying) still ends before the
  // deadline. A spent budget allows nothing, not even a zero wait.
  bool Allows(std::chrono::milliseconds delay) const;

 private:
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace icetrack
