// ZipArchive: read-only access to the parts of an OOXML package.
//
// Promises: opens a file or a buffer in memory; refuses bytes that are not a
// zip (naming an HTML page as such), truncated archives and archives whose
// declared or actual uncompressed sizes exceed ZipLimits (zip bombs). Parts are
// streamed in chunks; nothing is decompressed to disk. Never throws.
// The directory is read by ReadZipDirectory (zip_directory.h, which says why
// not libzip). A deflated part that declares at most kWholePartBytes is
// inflated at once with libdeflate (Debian's libdeflate0), about 3.5x faster
// than a zlib stream here (measured on the bench history: 0.07 s against
// 0.24 s for 257 MB): it is trusted only when its size and CRC-32 match what
// the archive declares; anything else is streamed through zlib, with the
// same checks, which name what is wrong. Stored and deflated parts only; an
// encrypted part, or one compressed another way, is refused when read.
// Reading from a file, the archive must not change while it is open.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/status.h"
#include "parser/zip_directory.h"

namespace icetrack {

struct ZipLimits {
  // A sheet takes 300-650 bytes of XML a row, so a million rows (the
  // benchmark's size) need up to 650 MB; parts are streamed, and the work a
  // sheet may cause is bounded by SheetLimits (xlsx_reader.h), not by these.
  uint64_t max_part_bytes = 1ull << 30;     // one decompressed part
  uint64_t max_total_bytes = 2ull << 30;    // all parts together
  uint64_t max_ratio = 1000;                // uncompressed / compressed, for parts over 1 MiB
};

class ZipArchive {
 public:
  // Opens bytes held in memory (the reader never reads files itself: see
  // fetcher/local_file.h); the archive keeps its own copy. `label` names it in messages.
  static Status OpenBuffer(std::string bytes, const std::string& label, const ZipLimits& limits,
                           std::unique_ptr<ZipArchive>* out);
  // Opens the archive in the open file `fd`, read as it is needed rather
  // than held (a workbook of tens of MB); takes `fd` over, also on failure.
  static Status OpenFile(int fd, const std::string& label, const ZipLimits& limits,
                         std::unique_ptr<ZipArchive>* out);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::string& label() const { return label_; }
  // Part names compare case-insensitively, as OPC (ECMA-376 Part 2) says they do.
  bool Has(const std::string& part) const;
  // The uncompressed size the archive declares for `part` (0 when unknown):
  // a hint for reserving memory, never trusted for anything else. At most
  // ZipLimits::max_part_bytes, and 1,000 times the compressed size past
  // 1 MiB: an archive declaring more was refused when opened.
  uint64_t DeclaredSize(const std::string& part) const;

  // Streams part `part` to `sink` in chunks. Fails when the part is missing,
  // corrupt (CRC, truncated data) or larger than the limits; `sink` returning
  // false stops reading early and is not an error.
  Status Read(const std::string& part,
              const std::function<bool(std::string_view chunk)>& sink) const;
  // Reads a whole (small) part into `out`.
  Status ReadAll(const std::string& part, std::string* out) const;
  // Inflates `part` into `out` at once when it can (deflated, declaring at
  // most kWholePartBytes, its size and CRC matching the declared ones): true
  // then. False, with `out` empty, for anything else; Read reports the cause.
  bool ReadWhole(const std::string& part, std::string* out) const;

  static constexpr uint64_t kWholePartBytes = 8ull << 20;  // as much as a sheet kept for its second reading

 private:
  ZipArchive() = default;
  Status CheckSizes();
  Status Open(uint64_t file_size);
  bool ReadAt(uint64_t offset, size_t length, char* out) const;
  const ZipEntry* Find(const std::string& part) const;
  bool InflateWhole(const ZipEntry& entry, std::string* out) const;
  Status Stream(const ZipEntry& entry, const std::function<bool(std::string_view chunk)>& sink) const;

  int fd_ = -1;  // OpenFile's; -1 for a buffer
  std::vector<ZipEntry> entries_;
  std::unordered_map<std::string, size_t> by_name_;  // lower-case ASCII name -> entries_ index
  struct Inflater;
  mutable std::unique_ptr<Inflater> inflater_;  // made on first use
  std::string buffer_;  // backing store for OpenBuffer
  std::string label_;
  ZipLimits limits_;
  mutable uint64_t bytes_read_ = 0;  // all parts, against max_total_bytes
};

}  // namespace icetrack
