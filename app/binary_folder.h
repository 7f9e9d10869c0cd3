// Where the running binary is, for the files installed beside it (the
// gettext catalogs, the backfill's sources): PREFIX/bin for an install,
// build/app for a build tree.
#pragma once

#include <string>

namespace icetrack {

// The folder of /proc/self/exe; "" when it cannot be read.
std::string BinaryFolder();

}  // namespace icetrack
