// ZipDirectory: the table of contents of a zip archive (its central
// directory), read by hand.
//
// Why not libzip: Debian's libzip links libcrypto, libbz2 and libz, and
// loading libcrypto is the largest single cost of every icetrack process's
// start (an empty program linked to icetrack's libraries started in 2.3 ms,
// 1.4 ms without libzip, libcrypto and libxlsxwriter: docs/PERFORMANCE.md,
// issue 11, ninth session), a tenth of a whole `parse`. A workbook needs a
// small subset of the format (APPNOTE 6.3.x): one disk, stored or deflated
// parts, Zip64 sizes; that subset is read here and nothing else is accepted.
//
// Promises: every offset and length read from the file is checked against the
// file's size before it is used, with no arithmetic that can wrap; a part's
// data must lie between its local header and the central directory; entry
// counts must agree with the end record. An archive it cannot vouch for gives
// a failed Status whose message is the reason alone (the caller names the
// file). Never throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/status.h"

namespace icetrack {

struct ZipEntry {
  std::string name;          // as stored (OOXML names are ASCII)
  uint64_t size = 0;         // uncompressed, as declared
  uint64_t packed_size = 0;  // compressed, as declared
  uint64_t data_offset = 0;  // where the compressed bytes start (past the local header)
  uint32_t crc = 0;          // CRC-32 of the uncompressed bytes, as declared
  uint16_t method = 0;       // 0 stored, 8 deflated; anything else is refused when read
  uint16_t flags = 0;        // bit 0: encrypted

  static constexpr uint16_t kStored = 0;
  static constexpr uint16_t kDeflated = 8;
  bool encrypted() const { return (flags & 1) != 0; }
};

// Fills `out[0, length)` with the archive's bytes at `offset`; false when
// they are not all there (past the end, or a read error).
using ZipReadAt = std::function<bool(uint64_t offset, size_t length, char* out)>;

// The entries of the archive of `file_size` bytes that `read_at` reads, in
// the directory's order. Fails, with the reason, on anything it cannot vouch
// for: no end record, a directory outside the file, an entry or a local
// header cut or overlapping the directory, counts that disagree, several
// disks, a name holding a NUL byte.
Status ReadZipDirectory(uint64_t file_size, const ZipReadAt& read_at, std::vector<ZipEntry>* out);

}  // namespace icetrack
