// SnapshotSource: how a stored publication reached icetrack — downloaded
// from ICE by `run` (live), from the Internet Archive by `backfill`
// (archived), or read from a file by `import` (imported).
#pragma once

#include <string_view>

namespace icetrack {

enum class SnapshotSource { Live, Archived, Imported };

const char* ToString(SnapshotSource source);  // "live", "archived", "imported"
bool ParseSnapshotSource(std::string_view text, SnapshotSource* out);

}  // namespace icetrack
