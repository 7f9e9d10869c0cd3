#include "app/store_option.h"

#include <iostream>

#include "app/exit_codes.h"

namespace icetrack {

void AddDbOption(CLI::App* cmd, std::string* path) {
  cmd->add_option("--db", *path,
                  "SQLite database (default: $ICETRACK_DB, $STATE_DIRECTORY/icetrack.db, "
                  "$XDG_STATE_HOME/icetrack/icetrack.db or ~/.local/state/icetrack/icetrack.db)");
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
