#include "fetcher/local_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "model/ascii_text.h"

namespace icetrack {

namespace {

std::string Why(int error) { return std::strerror(error); }

// "is a folder", "is a FIFO", …: what a path that is not a regular file is.
std::string KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "is a folder, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a file";
  if (S_ISSOCK(mode)) return "is a socket, not a file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a file";
  return "is not a regular file";
}

void Walk(const std::filesystem::path& folder, std::vector<std::string>* files, std::vector<std::string>* problems) {
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, ec), end;
  if (ec) {
    problems->push_back(folder.string() + ": cannot read folder: " + ec.message());
    return;
  }
  std::vector<std::filesystem::path> folders;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      problems->push_back(folder.string() + ": cannot read folder: " + ec.message());
      return;
    }
    std::error_code type_ec;
    const std::filesystem::path& path = it->path();
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
      folders.push_back(path);
    } else if (LowerAscii(path.extension().string()) == ".xlsx") {
      files->push_back(path.string());
    }
  }
  for (const auto& sub : folders) Walk(sub, files, problems);
}

}  // namespace

Status OpenLocalFile(const std::string& path, int* fd_out, int64_t max_bytes) {
  *fd_out = -1;
  if (path.empty()) return Status::Error("a file name is empty");
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return Status::Error(path + ": " + (errno == ENOENT ? "no such file" : Why(errno)));
  if (!S_ISREG(st.st_mode)) return Status::Error(path + ": " + KindOf(st.st_mode));
  if (st.st_size > max_bytes)
    return Status::Error(path + ": " + std::to_string(st.st_size) + " bytes, over the " +
                         (max_bytes >= (1 << 20) ? std::to_string(max_bytes >> 20) + " MiB"
                                                 : std::to_string(max_bytes) + " bytes") +
                         " a workbook may have");
  // O_NONBLOCK: should the path become a FIFO between stat and open, open does not wait for a writer.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Status::Error(path + ": cannot open: " + Why(errno));
  struct stat opened {};
  if (fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
    close(fd);
    return Status::Error(path + ": " + KindOf(opened.st_mode));
  }
  *fd_out = fd;
  return Status::Ok();
}

Status ReadLocalFile(const std::string& path, std::string* out, int64_t max_bytes) {
  out->clear();
  int fd = -1;
  Status s = OpenLocalFile(path, &fd, max_bytes);
  if (!s.ok()) return s;
  struct stat opened {};
  if (fstat(fd, &opened) != 0) {
    int error = errno;
    close(fd);
    return Status::Error(path + ": " + Why(error));
  }
  out->resize(static_cast<size_t>(opened.st_size));
  size_t done = 0;
  while (done < out->size()) {
    ssize_t n = read(fd, out->data() + done, out->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      close(fd);
      out->clear();
      return Status::Error(path + ": read error: " + Why(error));
    }
    if (n == 0) break;  // it shrank meanwhile: what was read is what there is
    done += static_cast<size_t>(n);
  }
  out->resize(done);
  close(fd);
  return Status::Ok();
}

std::vector<std::string> FindWorkbookFiles(const std::vector<std::string>& args, std::vector<std::string>* problems) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    struct stat st {};
    if (arg.empty() || stat(arg.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      files.push_back(arg);  // ReadLocalFile says what is wrong with it, if anything
      continue;
    }
    std::vector<std::string> found;
    size_t problems_before = problems->size();
    Walk(arg, &found, problems);
    if (found.empty() && problems->size() == problems_before)
      problems->push_back(arg + ": no workbook (.xlsx) in this folder");
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace icetrack
