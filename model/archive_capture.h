// ArchiveCapture: one capture the Internet Archive holds of a URL that may
// carry ICE's roster (a workbook, a page), as `backfill` found it in the
// archive's CDX index and how far it got with it (docs/SCHEMA.md, table
// archive_captures).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace icetrack {

enum class CaptureStatus {
  Found,    // listed by the index, not downloaded yet
  Fetched,  // downloaded, its bytes kept (table workbooks), not recorded yet
  Stored,   // recorded: a snapshot, or the bytes of one already stored
  Refused,  // downloaded, and not a roster (an HTML error page, a PDF): never asked for again
  Failed,   // the download failed; asked for again by the next backfill
};
const char* ToString(CaptureStatus status);  // "found", "fetched", "stored", "refused", "failed"
bool ParseCaptureStatus(std::string_view text, CaptureStatus* out);

struct ArchiveCapture {
  std::string digest;     // the archive's digest of the bytes: one capture per digest
  std::string url;        // the original URL
  std::string timestamp;  // the archive's 14 digits, UTC: YYYYMMDDhhmmss
  std::string mimetype;   // as the archive recorded it
  CaptureStatus status = CaptureStatus::Found;
  std::string sha256;     // of the bytes fetched; "" before
  std::string last_modified;  // the original's Last-Modified header, as the archive replays it
  int64_t snapshot_id = 0;
  std::string error;      // why refused or failed
};

}  // namespace icetrack
