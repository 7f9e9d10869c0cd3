// InstanceLock: one tracking cycle per database at a time.
//
// Two cycles on one database would diff the same list twice and record each
// other's publications as changes. Promises: an exclusive flock(2) on
// "<database>.lock" beside the database (its folder is created), the
// database's path made canonical first (symlinks, dangling ones too, "..",
// "./" resolved), so that two names for one database are one lock (hard
// links excepted: they are two names no path tells apart); taken without waiting and
// held until the InstanceLock is destroyed. The kernel drops the
// lock with the process, crash included, so a lock file left behind never
// blocks anyone; the file is therefore never deleted (deleting it would race
// with a process about to lock it). The holder writes its pid into the file
// so that the one refused can name it.
#pragma once

#include <memory>
#include <string>

#include "model/status.h"

namespace icetrack {

class InstanceLock {
 public:
  // Takes the lock for `database_path`. When another process holds it, fails
  // with a message naming the lock file and that process, and sets `*held`
  // (may be null); other failures (no permission, ...) leave `*held` false.
  static Status Acquire(const std::string& database_path, std::unique_ptr<InstanceLock>* out, bool* held);
  ~InstanceLock();
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;

  const std::string& path() const { return path_; }

 private:
  InstanceLock(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_;
};

// "<canonical database path>.lock"
std::string LockPathFor(const std::string& database_path);

}  // namespace icetrack
