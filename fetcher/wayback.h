// The Internet Archive's Wayback Machine as `backfill` uses it: the CDX
// index of captures (https://archive.org/developers/wayback-cdx-server.html)
// and the original bytes of a capture (the `id_` form of its address).
//
// The index answers `output=json` with an array of arrays: a header row of
// field names, then a row a capture, every value a string, e.g.
//   [["timestamp","original","mimetype","statuscode","digest","length"],
//    ["20250221214937","https://www.ice.gov/doclib/.../participatingAgencies.xlsx",
//     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","200","LW2C…","28311"]]
// and an empty result as [] (or only the header).
//
// Promises: pure text in, text out; never throws. ParseCdx accepts only
// that shape: anything else is an error naming what is wrong, never an
// empty list of captures (an archive that answers with an HTML error page
// must not read as "no history").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/archive_capture.h"
#include "model/status.h"
#include "model/utc_time.h"

namespace icetrack {

inline constexpr char kWaybackUrl[] = "https://web.archive.org";

struct CdxQuery {
  std::string url;      // as the archive keys it: "www.ice.gov/287g", with or without a scheme
  bool prefix = false;  // every URL that starts with `url` (a folder of workbooks)
  std::string from, to; // YYYYMMDD (or shorter: YYYY); "" for no bound
};

// The index's address for `query`: only captures answered with 200, the
// fields ParseCdx reads, runs of the same digest collapsed.
std::string CdxQueryUrl(std::string_view archive, const CdxQuery& query);

// The captures of an index answer, in its order; their status Found.
Status ParseCdx(std::string_view json, std::vector<ArchiveCapture>* out);

// The address that serves a capture's original bytes, headers and all:
// ARCHIVE/web/TIMESTAMPid_/ORIGINAL.
std::string CaptureUrl(std::string_view archive, const ArchiveCapture& capture);

// "2025-02-21T21:49:37Z" for "20250221214937"; "" when it is not 14 digits of a real time.
std::string CaptureTime(std::string_view timestamp);
// The other way: the archive's 14 digits of an instant, for CdxQuery's bounds.
std::string CdxTimestamp(UtcTime t);

// Whether the archive's record of a capture's type leaves room for a
// workbook (a Drupal download link serves PDFs too); the bytes decide in the end.
bool MayBeWorkbook(std::string_view mimetype);
// Whether a capture is an HTML page (which may hold the roster as a table).
bool IsPageCapture(std::string_view mimetype);

}  // namespace icetrack
