// Fuzz target: the TOML configuration. Invariants: a file is accepted or
// refused with one line naming the file (never an exception); an accepted
// one has alert names that are unique and non-empty, and thresholds in range.
#include <set>

#include "app/config.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  icetrack::Config config;
  icetrack::Status s =
      icetrack::ParseConfigText(std::string(icetrack::fuzz::Text(data, size)), "/fuzz/icetrack.toml", &config);
  if (!s.ok()) {
    FUZZ_CHECK(s.message().rfind("/fuzz/icetrack.toml", 0) == 0);
    FUZZ_CHECK(s.message().find('\n') == std::string::npos);
    return 0;
  }
  std::set<std::string> names;
  for (const icetrack::AlertTarget& alert : config.alerts) FUZZ_CHECK(!alert.name.empty() && names.insert(alert.name).second);
  FUZZ_CHECK(config.interval >= 60 && config.interval <= 7 * 86400);
  FUZZ_CHECK(config.stale_after > 0);
  return 0;
}
