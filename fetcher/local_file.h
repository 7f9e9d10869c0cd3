// Local files: workbooks read from disk (`parse`, `import`), the other way a
// publication reaches icetrack besides a download.
//
// Promises: only regular files are read — a folder, a FIFO (which would block
// a read forever), a device or a socket is refused by name, before it is
// opened for reading; so is a file larger than the cap. Folders are walked
// recursively for workbooks without following symlinked folders (no loops),
// and every folder or file that cannot be read is reported, never skipped in
// silence, while the walk goes on. Never throws; every failure is one line
// naming the path ("x.xlsx: is a folder, not a file").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/status.h"

namespace icetrack {

constexpr int64_t kMaxLocalFileBytes = int64_t{256} << 20;

// Opens the regular file at `path` for reading, as ReadLocalFile judges it;
// `*fd` is then the caller's to close (a reader that streams a large file
// instead of holding it).
Status OpenLocalFile(const std::string& path, int* fd, int64_t max_bytes = kMaxLocalFileBytes);

// Reads the whole regular file at `path`.
Status ReadLocalFile(const std::string& path, std::string* out, int64_t max_bytes = kMaxLocalFileBytes);

// The files named by `args`: a file argument as given (ReadLocalFile judges
// it), a folder argument as the `.xlsx` files below it (any case), sorted.
// A folder that holds none, or cannot be read, adds a line to `problems`.
std::vector<std::string> FindWorkbookFiles(const std::vector<std::string>& args, std::vector<std::string>* problems);

}  // namespace icetrack
