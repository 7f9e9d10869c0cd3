#include "store/sqlite_db.h"

#include <cctype>

#include "model/shared_library.h"

namespace icetrack::sql {

namespace {

// libsqlite3, opened with dlopen by the first Database::Open (model/shared_library.h
// says why: `parse` never opens a database, and the library was a tenth of
// its start). Everything below runs on an open database, so it is loaded.
struct SqliteApi {
  decltype(&::sqlite3_bind_blob64) bind_blob64;
  decltype(&::sqlite3_bind_int64) bind_int64;
  decltype(&::sqlite3_bind_null) bind_null;
  decltype(&::sqlite3_bind_text) bind_text;
  decltype(&::sqlite3_busy_timeout) busy_timeout;
  decltype(&::sqlite3_changes) changes;
  decltype(&::sqlite3_clear_bindings) clear_bindings;
  decltype(&::sqlite3_close_v2) close_v2;
  decltype(&::sqlite3_column_bytes) column_bytes;
  decltype(&::sqlite3_column_int64) column_int64;
  decltype(&::sqlite3_column_text) column_text;
  decltype(&::sqlite3_column_type) column_type;
  decltype(&::sqlite3_create_function_v2) create_function_v2;
  decltype(&::sqlite3_errmsg) errmsg;
  decltype(&::sqlite3_exec) exec;
  decltype(&::sqlite3_extended_errcode) extended_errcode;
  decltype(&::sqlite3_file_control) file_control;
  decltype(&::sqlite3_finalize) finalize;
  decltype(&::sqlite3_free) free;
  decltype(&::sqlite3_get_autocommit) get_autocommit;
  decltype(&::sqlite3_last_insert_rowid) last_insert_rowid;
  decltype(&::sqlite3_open_v2) open_v2;
  decltype(&::sqlite3_prepare_v3) prepare_v3;
  decltype(&::sqlite3_reset) reset;
  decltype(&::sqlite3_result_null) result_null;
  decltype(&::sqlite3_result_text) result_text;
  decltype(&::sqlite3_sql) sql;
  decltype(&::sqlite3_step) step;
  decltype(&::sqlite3_user_data) user_data;
  decltype(&::sqlite3_value_bytes) value_bytes;
  decltype(&::sqlite3_value_text) value_text;
};

const LoadedTable<SqliteApi>& Loaded() {
  static const LoadedTable<SqliteApi> loaded =
      LoadTable<SqliteApi>("libsqlite3.so.0", [](SharedLibrary& so, SqliteApi* a) {
    return so.Bind("sqlite3_bind_blob64", &a->bind_blob64) &&
           so.Bind("sqlite3_bind_int64", &a->bind_int64) &&
           so.Bind("sqlite3_bind_null", &a->bind_null) &&
           so.Bind("sqlite3_bind_text", &a->bind_text) &&
           so.Bind("sqlite3_busy_timeout", &a->busy_timeout) &&
           so.Bind("sqlite3_changes", &a->changes) &&
           so.Bind("sqlite3_clear_bindings", &a->clear_bindings) &&
           so.Bind("sqlite3_close_v2", &a->close_v2) &&
           so.Bind("sqlite3_column_bytes", &a->column_bytes) &&
           so.Bind("sqlite3_column_int64", &a->column_int64) &&
           so.Bind("sqlite3_column_text", &a->column_text) &&
           so.Bind("sqlite3_column_type", &a->column_type) &&
           so.Bind("sqlite3_create_function_v2", &a->create_function_v2) &&
           so.Bind("sqlite3_errmsg", &a->errmsg) &&
           so.Bind("sqlite3_exec", &a->exec) &&
           so.Bind("sqlite3_extended_errcode", &a->extended_errcode) &&
           so.Bind("sqlite3_file_control", &a->file_control) &&
           so.Bind("sqlite3_finalize", &a->finalize) &&
           so.Bind("sqlite3_free", &a->free) &&
           so.Bind("sqlite3_get_autocommit", &a->get_autocommit) &&
           so.Bind("sqlite3_last_insert_rowid", &a->last_insert_rowid) &&
           so.Bind("sqlite3_open_v2", &a->open_v2) &&
           so.Bind("sqlite3_prepare_v3", &a->prepare_v3) &&
           so.Bind("sqlite3_reset", &a->reset) &&
           so.Bind("sqlite3_result_null", &a->result_null) &&
           so.Bind("sqlite3_result_text", &a->result_text) &&
           so.Bind("sqlite3_sql", &a->sql) &&
           so.Bind("sqlite3_step", &a->step) &&
           so.Bind("sqlite3_user_data", &a->user_data) &&
           so.Bind("sqlite3_value_bytes", &a->value_bytes) &&
           so.Bind("sqlite3_value_text", &a->value_text);
  });
  return loaded;
}

// (once Database::Open has checked Loaded().ok)
const SqliteApi& Sqlite() { return Loaded().functions; }

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& where, StatementCache* cache)
    : db_(db), where_(where), cache_(cache) {
  if (cache_ && (stmt_ = cache_->Take(sql))) return;
  unsigned flags = cache_ ? SQLITE_PREPARE_PERSISTENT : 0;
  if (Sqlite().prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &stmt_, nullptr) != SQLITE_OK) {
    status_ = Status::Error(where_ + ": " + Sqlite().errmsg(db) + " in: " + std::string(sql.substr(0, 80)));
    Sqlite().finalize(stmt_);
    stmt_ = nullptr;
  }
}

Statement::~Statement() {
  if (!stmt_) return;
  if (cache_) cache_->Give(stmt_);
  else Sqlite().finalize(stmt_);
}

StatementCache::~StatementCache() {
  for (auto& [sql, stmt] : idle_) Sqlite().finalize(stmt);
}

sqlite3_stmt* StatementCache::Take(std::string_view sql) {
  for (size_t i = 0; i < idle_.size(); ++i) {
    if (idle_[i].first != sql) continue;
    sqlite3_stmt* stmt = idle_[i].second;
    idle_[i] = std::move(idle_.back());
    idle_.pop_back();
    return stmt;
  }
  return nullptr;
}

void StatementCache::Give(sqlite3_stmt* stmt) {
  Sqlite().reset(stmt);
  Sqlite().clear_bindings(stmt);
  if (idle_.size() >= kMaxIdle) return void(Sqlite().finalize(stmt));
  idle_.emplace_back(Sqlite().sql(stmt), stmt);
}

Statement& Statement::Bind(int index, const std::string& text) {
  return text.empty() ? BindNull(index) : BindText(index, text);
}

Statement& Statement::BindText(int index, const std::string& text) {
  if (stmt_) Sqlite().bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  if (stmt_) Sqlite().bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (stmt_) Sqlite().bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindBlob(int index, const std::string& bytes) {
  if (stmt_) Sqlite().bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBlobInPlace(int index, std::string_view bytes) {
  if (stmt_) Sqlite().bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC);
  return *this;
}

bool Statement::Step() {
  if (!stmt_ || !status_.ok()) return false;
  int rc = Sqlite().step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::Error(where_ + ": " + Sqlite().errmsg(db_));
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  Status s = status_;
  Reset();
  return s;
}

void Statement::Reset() {
  if (!stmt_) return;
  Sqlite().reset(stmt_);
  Sqlite().clear_bindings(stmt_);
  status_ = Status::Ok();
}

std::string Statement::Text(int column) const {
  const unsigned char* text = Sqlite().column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(Sqlite().column_bytes(stmt_, column))) : "";
}

int64_t Statement::Int(int column) const { return Sqlite().column_int64(stmt_, column); }
bool Statement::IsNull(int column) const { return Sqlite().column_type(stmt_, column) == SQLITE_NULL; }

namespace {

// "file:/path%20with%3Fodd?immutable=1": a path as an SQLite URI.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?immutable=1";
}

void CallFunction(sqlite3_context* context, int, sqlite3_value** args) {
  auto fn = reinterpret_cast<std::string (*)(std::string_view)>(Sqlite().user_data(context));
  const unsigned char* text = Sqlite().value_text(args[0]);
  if (!text) {
    Sqlite().result_null(context);
    return;
  }
  std::string out = fn(std::string_view(reinterpret_cast<const char*>(text),
                                        static_cast<size_t>(Sqlite().value_bytes(args[0]))));
  Sqlite().result_text(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

bool Database::CannotOpenShm() const {
  int code = Sqlite().extended_errcode(db_);
  return code == SQLITE_CANTOPEN || (code & 0xff) == SQLITE_READONLY || code == SQLITE_IOERR_SHMOPEN;
}

Status Database::KeepWalFiles() {
  int keep = 1;
  if (Sqlite().file_control(db_, "main", SQLITE_FCNTL_PERSIST_WAL, &keep) == SQLITE_OK) return Status::Ok();
  return Status::Error(path_ + ": cannot keep the WAL files: " + Sqlite().errmsg(db_));
}

Status Database::AddFunction(const char* name, std::string (*fn)(std::string_view)) {
  if (Sqlite().create_function_v2(db_, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, reinterpret_cast<void*>(fn),
                                 CallFunction, nullptr, nullptr, nullptr) == SQLITE_OK)
    return Status::Ok();
  return Status::Error(path_ + ": " + Sqlite().errmsg(db_));
}

Status Database::Open(const std::string& path, OpenMode mode, std::unique_ptr<Database>* out) {
  if (!Loaded().ok) return Status::Error(path + ": cannot open database: " + Loaded().error);
  std::unique_ptr<Database> db(new Database());
  db->path_ = path;
  int flags = mode == OpenMode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  // One connection, one thread: no mutex on every call (2 % of an import).
  flags |= SQLITE_OPEN_NOMUTEX;
  std::string name = mode == OpenMode::Immutable ? ImmutableUri(path) : path;
  if (mode == OpenMode::Immutable) flags |= SQLITE_OPEN_URI;
  if (Sqlite().open_v2(name.c_str(), &db->db_, flags, nullptr) != SQLITE_OK) {
    std::string why = db->db_ ? Sqlite().errmsg(db->db_) : "out of memory";
    return Status::Error(path + ": cannot open database: " + why);
  }
  Sqlite().busy_timeout(db->db_, 5000);
  *out = std::move(db);
  return Status::Ok();
}

Database::~Database() {
  statements_.reset();
  if (db_) Sqlite().close_v2(db_);
}

Status Database::Exec(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  if (Sqlite().exec(db_, text.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return Status::Ok();
  std::string why = error ? error : "unknown error";
  Sqlite().free(error);
  return Status::Error(path_ + ": " + why);
}

int64_t Database::LastInsertId() const { return Sqlite().last_insert_rowid(db_); }
int Database::Changes() const { return Sqlite().changes(db_); }

std::unique_ptr<Statement> Database::Prepare(std::string_view sql) {
  return std::make_unique<Statement>(db_, sql, path_, statements_.get());
}

Transaction::Transaction(Database* db) : db_(db), nested_(Sqlite().get_autocommit(db->handle()) == 0) {
  status_ = db_->Exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (!open_) return;
  db_->Exec(nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_;
  Status s = db_->Exec(nested_ ? "RELEASE nested" : "COMMIT");
  open_ = !s.ok() ? open_ : false;
  return s;
}

}  // namespace icetrack::sql
