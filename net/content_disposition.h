// The file name a server suggests in a Content-Disposition header.
//
// ICE's Drupal downloads (/file-download/download/public/N) carry the real
// workbook name only there. Promises: understands `filename="x.xlsx"`, the
// unquoted and backslash-escaped forms, and RFC 5987/6266 `filename*=UTF-8''x.xlsx`
// (percent-decoded; ISO-8859-1 converted to UTF-8), preferring filename*.
// Returns a bare name: any directory part ("../", "C:\") is dropped, so the
// result is safe to join to a folder. Returns "" when there is no usable name.
#pragma once

#include <string>
#include <string_view>

namespace icetrack {

std::string ContentDispositionFilename(std::string_view header_value);

}  // namespace icetrack
