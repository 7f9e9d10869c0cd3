// SourceHealth: how a source of publications (ICE's page, or the workbooks
// it links) has fared over the last runs — what the store keeps and
// diff/source_health.h's rule reads and updates.
#pragma once

#include <string>

namespace icetrack {

struct SourceHealth {
  int failures = 0;           // consecutive failed runs; 0 after a good one
  std::string failing_since;  // the first failed run of the streak (ISO-8601 UTC)
  std::string last_error;     // one line
  bool reported = false;      // a source_failing notice was given for this streak
};

}  // namespace icetrack
