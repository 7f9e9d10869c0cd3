// ParseAhead: an import's workbooks read, hashed and parsed on a second
// thread while the caller records the one before. The store stays on the
// caller's thread (one SQLite connection, one thread); only the reading
// moves, so on two cores the parse of the next workbook overlaps the diff
// and SQLite writes of this one (docs/PERFORMANCE.md: the history's import
// takes about 0.6 of its time alone).
//
// Promises: workbooks come back in the order given, each once, exactly as
// reading them on the caller's thread would give them. One whose digest is
// in `stored` is read and hashed but not parsed, so that a duplicate costs
// no parse. At most one read workbook waits for the caller: memory holds two
// at most. A single workbook is read on the caller's thread: there is nothing
// to overlap, and glibc gives a second thread a heap arena of its own, whose
// freed memory the caller cannot reuse (a 100,000-row workbook imported alone
// peaked 12 % higher read on the thread). Never throws: a file that cannot be read or parsed comes back
// with its Status, and anything thrown while reading one (out of memory)
// comes back as that workbook's Status.
#pragma once

#include <condition_variable>
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
  std::string path;
  Status status;        // of reading the file, then of parsing it
  std::string bytes;
  std::string sha256;   // as Sha256Hex gives it
  bool parsed = false;  // false for bytes in `stored`, and when status failed
  ParsedRoster roster;
};

class ParseAhead {
 public:
  ParseAhead(std::vector<std::string> paths, std::set<std::string> stored, const ZipLimits& limits);
  ~ParseAhead();  // lets the workbook under way finish, then reads no more
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;

  // The next workbook, in order; false once every one was handed out.
  bool Next(ReadWorkbook* out);

 private:
  void Work();
  ReadWorkbook Read(const std::string& path) const;

  const std::vector<std::string> paths_;
  const std::set<std::string> stored_;
  const ZipLimits limits_;
  size_t handed_ = 0;  // the caller's count
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<ReadWorkbook> ready_;  // read, not yet handed out
  bool stopping_ = false;
  std::thread thread_;  // last: started once the rest is set
};

}  // namespace icetrack
