#include "fetcher/pacer.h"

#include <cmath>
#include <thread>

namespace icetrack {

Pacer::Pacer(double delay_seconds) : delay_(std::chrono::milliseconds(std::llround(delay_seconds * 1000))) {}

void Pacer::Wait() {
  auto now = std::chrono::steady_clock::now();
  if (next_ > now) std::this_thread::sleep_for(next_ - now);
  next_ = std::chrono::steady_clock::now() + delay_;
}

}  // namespace icetrack
