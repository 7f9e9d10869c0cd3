#include "store/instance_lock.h"

#include "store/store.h"  // ResolvedDatabasePath

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace icetrack {
namespace {

// The pid the holder wrote, for the message; "" when unreadable.
std::string HolderPid(int fd) {
  char buf[32] = {};
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  std::string pid = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.find_first_not_of("0123456789") == std::string::npos ? pid : "";
}

// The pid only improves another instance's message; the lock holds without it.
bool WritePid(int fd) {
  std::string pid = std::to_string(getpid()) + "\n";
  return ftruncate(fd, 0) == 0 && pwrite(fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
}

}  // namespace

std::string LockPathFor(const std::string& database_path) {
  std::string resolved = ResolvedDatabasePath(database_path);
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(resolved, ec);
  return (ec ? std::filesystem::path(resolved) : canonical).string() + ".lock";
}

Status InstanceLock::Acquire(const std::string& database_path, std::unique_ptr<InstanceLock>* out, bool* held) {
  if (held) *held = false;
  // The folder first, so that the canonical path resolves all of it.
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::path(database_path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  std::string path = LockPathFor(database_path);
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error(path + ": cannot open lock file: " + std::strerror(errno));
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    std::string pid = error == EWOULDBLOCK ? HolderPid(fd) : "";
    close(fd);
    if (error != EWOULDBLOCK) return Status::Error(path + ": cannot lock: " + std::strerror(error));
    if (held) *held = true;
    return Status::Error("another icetrack is running on " + database_path + " (" + path + " is held" +
                         (pid.empty() ? std::string() : " by pid " + pid) + "); try again later");
  }
  WritePid(fd);
  out->reset(new InstanceLock(path, fd));
  return Status::Ok();
}

InstanceLock::~InstanceLock() {
  flock(fd_, LOCK_UN);
  close(fd_);
}

}  // namespace icetrack
