// Internal to store/: the schema and its forward migrations (docs/SCHEMA.md).
#pragma once

#include "model/status.h"
#include "store/sqlite_db.h"

namespace icetrack::sql {

constexpr int kSchemaVersion = 3;

// Brings the database to kSchemaVersion; refuses a newer database.
Status Migrate(Database* db, int* version);

}  // namespace icetrack::sql
