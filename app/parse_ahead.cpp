#include "app/parse_ahead.h"

#include <exception>
#include <utility>

#include "fetcher/local_file.h"
#include "store/store.h"

namespace icetrack {

ParseAhead::ParseAhead(std::vector<std::string> paths, std::set<std::string> stored, const ZipLimits& limits)
    : paths_(std::move(paths)),
      stored_(std::move(stored)),
      limits_(limits),
      thread_(paths_.size() > 1 ? std::thread([this] { Work(); }) : std::thread()) {}

ParseAhead::~ParseAhead() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ParseAhead::Next(ReadWorkbook* out) {
  if (handed_ == paths_.size()) return false;
  if (!thread_.joinable()) return *out = Read(paths_[handed_++]), true;
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return ready_.has_value(); });
  *out = std::move(*ready_);
  ready_.reset();
  ++handed_;
  lock.unlock();
  changed_.notify_all();
  return true;
}

void ParseAhead::Work() {
  for (const std::string& path : paths_) {
    ReadWorkbook read = Read(path);  // outside the lock: this is what overlaps
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.has_value() || stopping_; });
    if (stopping_) return;
    ready_ = std::move(read);
    lock.unlock();
    changed_.notify_all();
  }
}

ReadWorkbook ParseAhead::Read(const std::string& path) const {
  ReadWorkbook out;
  out.path = path;
  try {
    out.status = ReadLocalFile(path, &out.bytes);
    if (!out.status.ok()) return out;
    out.sha256 = Sha256Hex(out.bytes);
    if (stored_.count(out.sha256)) return out;
    out.status = ParseWorkbook(out.bytes, path, limits_, &out.roster);
    out.parsed = out.status.ok();
  } catch (const std::exception& e) {
    out = ReadWorkbook();
    out.path = path;
    out.status = Status::Error(path + ": cannot be read: " + e.what());
  } catch (...) {
    out = ReadWorkbook();
    out.path = path;
    out.status = Status::Error(path + ": cannot be read");
  }
  return out;
}

}  // namespace icetrack
