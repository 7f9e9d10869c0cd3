// Internal to store/: snapshots and fetches to and from their columns.
#pragma once

#include <string>
#include <string_view>
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

// A document `url` served at `seen_at`: its bytes kept once (moa_files), the
// URL's version of it noted (moa_versions). Within the caller's transaction.
Status KeepMoaFile(sql::Database* db, const std::string& url, const std::string& sha256, const std::string& seen_at,
                   std::string_view bytes);

// The `content` of the row of `table` (workbooks, moa_files) whose sha256 is
// `sha256`; an error saying `missing` and the digest when there is none.
Status ContentBySha256(sql::Database* db, const char* table, const std::string& sha256, const char* missing,
                       std::string* out);

}  // namespace icetrack
