// Internal to store/: a ChangeEvent to and from the columns of `events`.
#pragma once

#include <string>
#include <vector>

#include "model/stored_event.h"
#include "store/sqlite_db.h"

namespace icetrack {

// The columns of `e` (events) that ReadEvent reads, in its order.
extern const char* const kEventColumns;
StoredEvent ReadEvent(const sql::Statement& st);
// {field: [old, new]} as a column's JSON text, and back.
std::string ChangesJson(const std::vector<FieldChange>& changes);
std::vector<FieldChange> ParseChanges(const std::string& text);

}  // namespace icetrack
