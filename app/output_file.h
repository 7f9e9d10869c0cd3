// Files a command writes for people and other programs (--out, the metrics
// file): whole or not at all — a temporary file beside the path, flushed to
// disk, then renamed over it — so that a reader never sees half of one and
// a failed write leaves the old file as it was.
#pragma once

#include <functional>
#include <string>

#include "model/status.h"

namespace icetrack {

Status WriteFileAtomically(const std::string& path, const std::string& text);

// For a writer that only takes a path (libxlsxwriter): `write` writes the
// temporary file it is given; it is renamed over `path` when that succeeded,
// else removed, and `path` left as it was.
Status WriteFileAtomicallyWith(const std::string& path, const std::function<Status(const std::string&)>& write);

// A folder of files (the report site, the CSV export) whole or not at all:
// `fill` fills a new folder beside `dir`, which then takes `dir`'s place in
// one step (renameat2 RENAME_EXCHANGE, so that a web server serving `dir`
// never sees it missing or half written); the old folder is then removed.
// On failure the new folder is removed and `dir` left as it was.
Status ReplaceFolder(const std::string& dir, const std::function<Status(const std::string&)>& fill);

}  // namespace icetrack
