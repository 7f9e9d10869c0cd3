#include "app/metrics_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "app/health_gather.h"
#include "app/ingest.h"

namespace icetrack {

Status WriteFileAtomically(const std::string& path, const std::string& text) {
  std::string temp = path + ".tmp." + std::to_string(getpid());
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error(path + ": cannot write it: " + std::strerror(errno));
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
  int error = errno;
  ok = close(fd) == 0 && ok;
  if (ok && rename(temp.c_str(), path.c_str()) == 0) return Status::Ok();
  error = errno ? errno : error;
  unlink(temp.c_str());
  return Status::Error(path + ": cannot write it: " + std::strerror(error));
}

Status WriteMetricsFile(const std::string& path, Store* store, const Config& config, const RunFacts& run) {
  UtcTime now;
  ParseIsoTime(NowUtc(), &now);
  Health health;
  Status s = GatherHealth(store, config, now, &health);
  if (!s.ok()) return s;
  return WriteFileAtomically(path, MetricsText(health, run));
}

}  // namespace icetrack
