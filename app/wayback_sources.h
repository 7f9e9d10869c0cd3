// The places `backfill --wayback` asks the Internet Archive about, read from
// a data file (data/wayback-sources.toml, installed with icetrack) so that a
// user can add one when ICE moves its files. Errors name the file, the line
// and the key, as the configuration's do.
#pragma once

#include <string>
#include <vector>

#include "fetcher/wayback.h"
#include "model/status.h"

namespace icetrack {

struct WaybackSources {
  std::vector<CdxQuery> workbooks;  // [[workbooks]]: captures read as workbooks
  std::vector<CdxQuery> pages;      // [[pages]]: captures read as pages holding the roster as a table
};

// Each [[workbooks]] and [[pages]] entry: `url` (required), `prefix` (default false).
Status ReadWaybackSources(const std::string& path, WaybackSources* out);

// The file installed with icetrack (or the source tree's, for a binary in
// the build tree); "" when none is found.
std::string DefaultWaybackSources();

}  // namespace icetrack
