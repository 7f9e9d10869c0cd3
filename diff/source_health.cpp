#include "diff/source_health.h"

namespace icetrack {
namespace {

std::string Runs(int n) { return std::to_string(n) + (n == 1 ? " run" : " runs"); }

ChangeEvent Notice(EventKind kind, const std::string& source, std::string detail) {
  ChangeEvent e;
  e.kind = kind;
  e.key = source;
  e.detail = std::move(detail);
  return e;
}

}  // namespace

std::optional<ChangeEvent> NextSourceHealth(const std::string& source, const SourceHealth& before, bool failed,
                                            const std::string& error, const std::string& at, int failing_after,
                                            SourceHealth* after) {
  if (!failed) {
    *after = SourceHealth();
    if (!before.reported) return std::nullopt;
    return Notice(EventKind::SourceRecovered, source,
                  "read again after " + Runs(before.failures) + " that failed since " + before.failing_since);
  }
  *after = before;
  after->failures += 1;
  if (before.failures == 0) after->failing_since = at;
  after->last_error = error;
  if (after->reported || after->failures < failing_after) return std::nullopt;
  after->reported = true;
  return Notice(EventKind::SourceFailing, source,
                "could not be read in " + Runs(after->failures) + " in a row since " + after->failing_since + ": " +
                    error);
}

}  // namespace icetrack
