// `icetrack backfill --wayback`: the history before icetrack was installed,
// from the Internet Archive (fetcher/wayback.h). Wiring only: the sources
// come from a data file (data/wayback-sources.toml), the captures' progress
// from the store (table archive_captures), the recording from app/ingest.h,
// the placing in history from app/rebuild.h.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddBackfillCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
