#include "app/output_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

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

Status ReplaceFolder(const std::string& dir, const std::function<Status(const std::string&)>& fill) {
  std::string path = dir;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  std::string temp = TempBeside(path);
  std::error_code ignored;
  std::filesystem::remove_all(temp, ignored);  // a folder a killed run of this pid left
  if (mkdir(temp.c_str(), 0755) != 0) return CannotWrite(path, errno);
  errno = 0;
  Status s = fill(temp);
  struct stat st;
  bool exists = s.ok() && lstat(path.c_str(), &st) == 0;
  if (s.ok() && exists && !S_ISDIR(st.st_mode)) s = Status::Error(path + ": is not a folder; not replaced");
  if (s.ok() && exists && renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0)
    s = CannotWrite(path, errno);
  if (s.ok() && !exists && rename(temp.c_str(), path.c_str()) != 0) s = CannotWrite(path, errno);
  std::filesystem::remove_all(temp, ignored);  // the old folder after an exchange, else the new one
  return s;
}

}  // namespace icetrack
