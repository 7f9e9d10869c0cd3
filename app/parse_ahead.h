// ParseAhead: the workbooks of an import or a rebuild read and parsed on a
// second thread while the caller records the one before. The caller's store
// stays on the caller's thread (a SQLite connection is used by one thread at
// a time); only the reading moves, so on two cores the parse of the next
// workbook overlaps the diff and SQLite writes of this one
// (docs/PERFORMANCE.md: the history's import takes about half its time alone).
//
// Promises: workbooks 0 .. names.size()-1 come back in order, each once,
// exactly as `read` gives them (called on the second thread, in order, with
// nothing else of the caller's). At most one read workbook waits for the caller, so
// memory holds two at most. A single workbook is read on the caller's
// thread: there is nothing to overlap, and glibc gives a second thread a heap
// arena of its own, whose freed memory the caller cannot reuse (a
// 100,000-row workbook imported alone peaked 12 % higher read on the
// thread). Never throws: anything thrown by `read` (out of memory) comes back
// as that workbook's Status, naming it by `names`.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/ingest.h"
#include "model/status.h"
#include "parser/zip_archive.h"

namespace icetrack {

struct ReadWorkbook {
  std::string path;     // names it in messages
  Status status;        // of reading it, then of parsing it
  std::string bytes;
  std::string sha256;   // as Sha256Hex gives it; empty when not hashed
  bool parsed = false;  // false when not parsed, and when status failed
  ParsedRoster roster;
};

// An import's reading of one file: read, hashed, and parsed unless its
// digest is in `stored` (a duplicate then costs no parse).
ReadWorkbook ReadWorkbookFile(const std::string& path, const std::set<std::string>& stored, const ZipLimits& limits);

class ParseAhead {
 public:
  using Reader = std::function<ReadWorkbook(size_t index)>;
  ParseAhead(std::vector<std::string> names, Reader read);
  ~ParseAhead();  // lets the workbook under way finish, then reads no more
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;

  // The next workbook, in order; false once every one was handed out.
  bool Next(ReadWorkbook* out);

 private:
  void Work();
  ReadWorkbook Read(size_t index) const;  // `read_`, its exceptions as Status

  const std::vector<std::string> names_;
  const Reader read_;
  size_t handed_ = 0;  // the caller's count
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<ReadWorkbook> ready_;  // read, not yet handed out
  bool stopping_ = false;
  std::thread thread_;  // last: started once the rest is set
};

}  // namespace icetrack
