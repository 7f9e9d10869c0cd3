// Internal to store/: RAII over a sqlite3 connection and its statements.
// Errors become Status values naming the database file and the statement.
// libsqlite3 is opened with dlopen by the first Open (sqlite_db.cpp); its
// header gives the types, and nothing outside this file calls it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"

namespace icetrack::sql {

class StatementCache;

class Statement {
 public:
  // Prepares `sql`, or takes an idle compiled copy of it from `cache`
  // (which the statement goes back to, reset, when it is destroyed).
  Statement(sqlite3* db, std::string_view sql, const std::string& where, StatementCache* cache = nullptr);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Statement& Bind(int index, const std::string& text);   // empty text binds NULL
  Statement& BindText(int index, const std::string& text);  // always text
  Statement& Bind(int index, int64_t value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, const std::string& bytes);
  // Binds `bytes` without copying them: they must stay as they are until the statement has run.
  Statement& BindBlobInPlace(int index, std::string_view bytes);
  // Steps once: true while a row is available. Errors are kept in status().
  bool Step();
  // Runs to completion (for writes); returns status().
  Status Run();
  void Reset();

  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool IsNull(int column) const;
  const Status& status() const { return status_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string& where_;  // the database's path: outlives its statements
  Status status_;
  StatementCache* cache_;
};

// Compiled statements that are not in use, by SQL text: the store runs the
// same twenty statements for every publication it records, and compiling
// them each time was 2 % of an import. At most kMaxIdle texts are kept
// (queries built from options can differ each time); a text in use twice at
// once simply has two statements.
class StatementCache {
 public:
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache();
  sqlite3_stmt* Take(std::string_view sql);  // nullptr when none is idle
  void Give(sqlite3_stmt* stmt);             // reset, bindings cleared

 private:
  static constexpr size_t kMaxIdle = 64;
  std::vector<std::pair<std::string, sqlite3_stmt*>> idle_;
};

enum class OpenMode {
  ReadWrite,  // creates the file when it is missing
  ReadOnly,   // never writes, never creates
  Immutable,  // read-only, and no -shm either: for a database on a read-only medium
};

class Database {
 public:
  static Status Open(const std::string& path, OpenMode mode, std::unique_ptr<Database>* out);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  Status Exec(std::string_view sql);  // one or more statements, no results
  // Makes `fn` callable from SQL as name(text) -> text (NULL stays NULL); deterministic.
  Status AddFunction(const char* name, std::string (*fn)(std::string_view));
  std::unique_ptr<Statement> Prepare(std::string_view sql);
  int64_t LastInsertId() const;
  int Changes() const;  // rows the last statement changed
  // The last error was that the WAL index (-shm) could not be opened or made.
  bool CannotOpenShm() const;
  // The -wal and -shm files stay when the last connection closes (see SQLITE_FCNTL_PERSIST_WAL).
  Status KeepWalFiles();

 private:
  Database() = default;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unique_ptr<StatementCache> statements_ = std::make_unique<StatementCache>();  // finalized before db_ closes
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless Commit() succeeded. Inside
// another transaction (a rebuild holds one around many snapshots) it is a
// SAVEPOINT instead, released or rolled back to on its own.
class Transaction {
 public:
  explicit Transaction(Database* db);
  ~Transaction();
  const Status& status() const { return status_; }
  Status Commit();

 private:
  Database* db_;
  bool nested_;
  Status status_;
  bool open_ = false;
};

}  // namespace icetrack::sql
