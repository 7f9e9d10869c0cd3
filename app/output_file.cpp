#include "app/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace icetrack {

namespace {

std::string TempBeside(const std::string& path) { return path + ".tmp." + std::to_string(getpid()); }

Status CannotWrite(const std::string& path, int error) {
  return Status::Error(path + ": cannot write it" + (error ? std::string(": ") + std::strerror(error) : ""));
}

// Flushes the file at `temp` to disk and renames it over `path`.
Status SyncAndRename(const std::string& temp, const std::string& path) {
  int fd = open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  bool ok = fd >= 0 && fsync(fd) == 0;
  int error = errno;
  if (fd >= 0) close(fd);
  if (ok && rename(temp.c_str(), path.c_str()) == 0) return Status::Ok();
  error = errno ? errno : error;
  unlink(temp.c_str());
  return CannotWrite(path, error);
}

}  // namespace

Status WriteFileAtomically(const std::string& path, const std::string& text) {
  return WriteFileAtomicallyWith(path, [&](const std::string& temp) {
    int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return CannotWrite(path, errno);
    bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    int error = errno;
    ok = close(fd) == 0 && ok;
    return ok ? Status::Ok() : CannotWrite(path, error ? error : errno);
  });
}

Status WriteFileAtomicallyWith(const std::string& path, const std::function<Status(const std::string&)>& write) {
  std::string temp = TempBeside(path);
  errno = 0;
  Status s = write(temp);
  if (!s.ok()) {
    unlink(temp.c_str());
    return s;
  }
  return SyncAndRename(temp, path);
}

}  // namespace icetrack
