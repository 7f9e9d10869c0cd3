// Internal to store/: snapshots and fetches to and from their columns.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite_db.h"
#include "store/store.h"

namespace icetrack {

// The columns of `snapshots` that ReadSnapshot reads, in its order.
extern const char* const kSnapshotColumns;
// How many columns kSnapshotColumns names: a query that selects more after them reads them from here on.
constexpr int kSnapshotColumnCount = 17;
SnapshotInfo ReadSnapshot(const sql::Statement& st);

// The columns of `fetches` that ReadFetch reads (and RecordFetch writes), in its order.
extern const char* const kFetchColumns;
FetchRecord ReadFetch(const sql::Statement& st);
// A page's links as one column: a URL a line.
std::string JoinLines(const std::vector<std::string>& lines);
std::vector<std::string> SplitLines(const std::string& text);

}  // namespace icetrack
