#include "app/parse_ahead.h"

#include <exception>
#include <utility>

#include "fetcher/local_file.h"
#include "store/store.h"

namespace icetrack {

ReadWorkbook ReadWorkbookFile(const std::string& path, const std::set<std::string>& stored, const ZipLimits& limits) {
  ReadWorkbook out;
  out.path = path;
  out.status = ReadLocalFile(path, &out.bytes);
  if (!out.status.ok()) return out;
  out.sha256 = Sha256Hex(out.bytes);
  if (stored.count(out.sha256)) return out;
  out.status = ParseWorkbook(out.bytes, path, limits, &out.roster);
  out.parsed = out.status.ok();
  return out;
}

ParseAhead::ParseAhead(std::vector<std::string> names, Reader read)
    : names_(std::move(names)),
      read_(std::move(read)),
      thread_(names_.size() > 1 ? std::thread([this] { Work(); }) : std::thread()) {}

ParseAhead::~ParseAhead() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ParseAhead::Next(ReadWorkbook* out) {
  if (handed_ == names_.size()) return false;
  if (!thread_.joinable()) return *out = Read(handed_++), true;
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
  for (size_t i = 0; i < names_.size(); ++i) {
    ReadWorkbook read = Read(i);  // outside the lock: this is what overlaps
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.has_value() || stopping_; });
    if (stopping_) return;
    ready_ = std::move(read);
    lock.unlock();
    changed_.notify_all();
  }
}

ReadWorkbook ParseAhead::Read(size_t index) const {
  auto failed = [&](const std::string& why) {
    ReadWorkbook out;
    out.path = names_[index];
    out.status = Status::Error(out.path + ": cannot be read" + why);
    return out;
  };
  try {
    return read_(index);
  } catch (const std::exception& e) {
    return failed(std::string(": ") + e.what());
  } catch (...) {
    return failed("");
  }
}

}  // namespace icetrack
