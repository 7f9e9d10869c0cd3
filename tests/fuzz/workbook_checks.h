// The invariants of a workbook read, shared by the archive and part targets:
// whatever the bytes, a read either fails with one message naming the
// archive, or gives rows and cells in order, within the sheet's bounds, in
// valid UTF-8, and a roster whose rows come from those rows (never more)
// with normalized values in their closed forms — the same read held whole
// or streamed (a sheet read again for its keys: parser/roster_reader.h).
#pragma once

#include <string>

namespace icetrack::fuzz {

void CheckWorkbook(std::string bytes);

}  // namespace icetrack::fuzz
