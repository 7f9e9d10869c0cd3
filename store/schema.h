// Internal to store/: the schema and its forward migrations (docs/SCHEMA.md).
#pragma once

#include "model/status.h"
#include "store/sqlite_db.h"

namespace icetrack::sql {

constexpr int kSchemaVersion = 10;

// Brings the database to kSchemaVersion; refuses a newer database.
Status Migrate(Database* db, int* version);

// For writers, before they migrate: an error when the file is another
// program's SQLite database (neither made by icetrack nor empty).
Status Identify(Database* db);

// For readers, who never migrate: OK only for a database at kSchemaVersion;
// else an error saying what the file is and what to do about it.
Status CheckCurrent(Database* db);

}  // namespace icetrack::sql
