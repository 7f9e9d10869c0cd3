#include "app/store_option.h"

#include <iostream>

#include "app/exit_codes.h"

namespace icetrack {

void AddDbOption(CLI::App* cmd, std::string* path) {
  cmd->add_option("--db", *path,
                  "SQLite database (default: $ICETRACK_DB, $STATE_DIRECTORY/icetrack.db, "
                  "$XDG_STATE_HOME/icetrack/icetrack.db or ~/.local/state/icetrack/icetrack.db)");
}

void AddDiffOptions(CLI::App* cmd, IngestOptions* options, bool guard) {
  cmd->add_option("--removal-after", options->diff.removal_after,
                  "Publications a row must be absent before it counts as removed")
      ->check(CLI::Range(1, 100))->capture_default_str();
  if (!guard) return;
  cmd->add_option("--max-removed-share", options->guard.max_removed_share,
                  "Quarantine a workbook that would take away more than this share of its list")
      ->check(CLI::Range(0.0, 1.0))->capture_default_str();
}

bool OpenStoreOrReport(const std::string& flag, std::unique_ptr<Store>* out) {
  Status s = Store::Open(flag.empty() ? DefaultDatabasePath() : flag, out);
  if (!s.ok()) std::cerr << "icetrack: " << s.message() << "\n";
  return s.ok();
}

int OpenStoreForWriting(const std::string& flag, std::unique_ptr<InstanceLock>* lock,
                        std::unique_ptr<Store>* out) {
  std::string path = flag.empty() ? DefaultDatabasePath() : flag;
  bool held = false;
  Status s = InstanceLock::Acquire(path, lock, &held);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return held ? kExitLocked : kExitStore;
  }
  return OpenStoreOrReport(path, out) ? kExitOk : kExitStore;
}

}  // namespace icetrack
