#include "model/snapshot_source.h"

#include "model/enum_names.h"

namespace icetrack {
namespace {

constexpr EnumName<SnapshotSource> kSources[] = {
    {SnapshotSource::Live, "live"}, {SnapshotSource::Archived, "archived"}, {SnapshotSource::Imported, "imported"}};

}  // namespace

const char* ToString(SnapshotSource source) { return NameIn(kSources, source); }
bool ParseSnapshotSource(std::string_view text, SnapshotSource* out) { return ValueIn(kSources, text, out); }

}  // namespace icetrack
