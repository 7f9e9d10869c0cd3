#include "app/store_option.h"

#include <iostream>

#include "app/exit_codes.h"
#include "app/rebuild.h"
#include "app/rebuild_command.h"

namespace icetrack {

void AddDbOption(CLI::App* cmd, std::string* path) {
  cmd->add_option("--db", *path,
                  "SQLite database (default: $ICETRACK_DB, $STATE_DIRECTORY/icetrack.db, "
                  "$XDG_STATE_HOME/icetrack/icetrack.db or ~/.local/state/icetrack/icetrack.db)")
      ->check([](const std::string& value) { return value.empty() ? std::string("the path is empty") : ""; });
}

void AddDiffOptions(CLI::App* cmd, IngestOptions* options, bool guard) {
  cmd->add_option("--removal-after", options->diff.removal_after,
                  "Publications a row must be absent from before it counts as removed")
      ->check(CLI::Range(1, 100))->capture_default_str();
  cmd->add_option("--removal-after-days", options->diff.removal_after_days,
                  "Days since it was first absent before a row counts as removed (both must hold)")
      ->check(CLI::Range(0, 3650))->capture_default_str();
  if (!guard) return;
  cmd->add_option("--max-removed-share", options->guard.max_removed_share,
                  "Quarantine a workbook that would take away more than this share of its list")
      ->check(CLI::Range(0.0, 1.0))->capture_default_str();
}

int OpenStoreForReading(const std::string& flag, std::unique_ptr<Store>* out) {
  Status s = Store::OpenReadOnly(flag.empty() ? DefaultDatabasePath() : flag, out);
  if (s.ok()) return kExitOk;
  std::cerr << "icetrack: " << s.message() << "\n";
  return kExitStore;
}

int OpenStoreForWriting(const std::string& flag, const IngestOptions* rules, std::unique_ptr<InstanceLock>* lock,
                        std::unique_ptr<Store>* out) {
  std::string path = flag.empty() ? DefaultDatabasePath() : flag;
  bool held = false;
  Status s = InstanceLock::Acquire(path, lock, &held);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return held ? kExitLocked : kExitStore;
  }
  s = Store::Open(path, out);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (!rules) return kExitOk;
  bool rebuilt = false;
  std::string from;
  RebuildReport report;
  s = EnsureCurrentRules(out->get(), *rules, &rebuilt, &from, &report);
  if (!s.ok()) {
    std::cerr << "icetrack: " << path << ": the change log needs rebuilding for this icetrack's rules ("
              << CurrentRulesVersion() << "), which failed: " << s.message() << "\n";
    return kExitStore;
  }
  if (rebuilt) {
    std::cerr << "icetrack: " << path << ": the change log was built under other rules ("
              << (from.empty() ? "an icetrack before 0.2" : "rules " + from) << ", now " << CurrentRulesVersion()
              << "); rebuilt from " << report.snapshots << " stored publications: " << report.added.size()
              << " events added, " << report.disappeared.size() << " disappeared\n";
    std::vector<std::string> lines = RebuildChangeLines(report);
    const size_t shown = 20;
    for (size_t i = 0; i < lines.size() && i < shown; ++i) std::cerr << "icetrack:   " << lines[i] << "\n";
    if (lines.size() > shown) std::cerr << "icetrack:   ... and " << lines.size() - shown << " more\n";
  }
  return kExitOk;
}

}  // namespace icetrack
