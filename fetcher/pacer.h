// Pacer: how icetrack stays polite to a server it asks many things of (the
// Internet Archive, ICE's MOA documents): at most one request per `delay`.
// The first Wait() returns at once. Not for several threads.
#pragma once

#include <chrono>

namespace icetrack {

class Pacer {
 public:
  explicit Pacer(double delay_seconds);
  // Returns when `delay` has passed since the previous Wait() returned.
  void Wait();

 private:
  std::chrono::milliseconds delay_;
  std::chrono::steady_clock::time_point next_{};
};

}  // namespace icetrack
