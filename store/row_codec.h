// Internal to store/: a RosterRow to and from the columns of row_versions.
#pragma once

#include <string>

#include "model/packed_row.h"
#include "model/roster.h"
#include "store/sqlite_db.h"

namespace icetrack {

// For INSERT column lists, and the same columns of `v` (row_versions) for SELECTs.
extern const char* const kRowColumns;
extern const char* const kRowSelect;
extern const char* const kRowPlaceholders;

// JSON text for a column: compact, and any byte that is not UTF-8 replaced
// rather than thrown on (a failed dump must not abort a snapshot's transaction).
template <typename Json>
std::string ColumnJson(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void BindRow(sql::Statement* st, int first, const RosterRow& row);
RosterRow ReadRow(const sql::Statement& st, int first);
// Makes `row` as ReadRow gives it back once stored: no source row, its extra
// columns through their JSON (a repeated header once, bytes that are not
// UTF-8 replaced).
void AsStored(RosterRow* row);
// A stable digest (FNV-1a 64, hex) of the row's content, ignoring where in
// the sheet it stood: equal digests mean a row did not change.
std::string ContentDigest(const RosterRow& row);
// Whether two packed rows have the same content as ContentDigest sees it,
// without unpacking them; false whenever either has extra columns (their
// stored form may differ from the row's), so that "true" always means equal
// digests.
bool SameContent(const PackedRow& a, const PackedRow& b);

}  // namespace icetrack
