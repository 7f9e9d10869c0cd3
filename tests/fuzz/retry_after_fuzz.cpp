// Fuzz target: Retry-After. Invariants: a wait is never negative and never
// beyond the cap; a date in the far future is the cap, not 0 s (the
// year-9999 overflow); parsing does not depend on surrounding blanks.
#include "net/retry_after.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view value = icetrack::fuzz::Text(data, size);
  auto now = std::chrono::system_clock::from_time_t(1792567680);  // 2026-10-21
  std::optional<std::chrono::seconds> wait = icetrack::ParseRetryAfter(value, now);
  if (wait) FUZZ_CHECK(wait->count() >= 0 && wait->count() <= 999999999);
  FUZZ_CHECK(icetrack::ParseRetryAfter(" " + std::string(value) + "\t", now) == wait);
  return 0;
}
