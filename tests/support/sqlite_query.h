// Reading a database the way a user's sqlite3 shell would, read-only, for
// assertions that must not go through the code under test.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace icetrack::test {

// The first column of the first row of `sql`; -1 when there is none (or the
// database cannot be read). `text`, when given, gets that column as text.
int64_t QueryInt(const std::string& db_path, const std::string& sql, std::string* text = nullptr);

// Runs `sql` (several statements) as a user's sqlite3 shell would, to stage
// a state the code under test must meet; false with nothing changed on error.
bool RunSql(const std::string& db_path, const std::string& sql);

// Every row of each table, every column as text, in rowid (or key) order:
// two databases with equal dumps hold the same data.
std::string DumpTables(const std::string& db_path, const std::vector<std::string>& tables);

// The tables a change log is made of.
const std::vector<std::string>& ChangeLogTables();

}  // namespace icetrack::test
