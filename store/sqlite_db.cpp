#include "store/sqlite_db.h"

#include <cctype>

namespace icetrack::sql {

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& where, StatementCache* cache)
    : db_(db), where_(where), cache_(cache) {
  if (cache_ && (stmt_ = cache_->Take(sql))) return;
  unsigned flags = cache_ ? SQLITE_PREPARE_PERSISTENT : 0;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &stmt_, nullptr) != SQLITE_OK) {
    status_ = Status::Error(where_ + ": " + sqlite3_errmsg(db) + " in: " + std::string(sql.substr(0, 80)));
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
}

Statement::~Statement() {
  if (!stmt_) return;
  if (cache_) cache_->Give(stmt_);
  else sqlite3_finalize(stmt_);
}

StatementCache::~StatementCache() {
  for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
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
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (idle_.size() >= kMaxIdle) return void(sqlite3_finalize(stmt));
  idle_.emplace_back(sqlite3_sql(stmt), stmt);
}

Statement& Statement::Bind(int index, const std::string& text) {
  return text.empty() ? BindNull(index) : BindText(index, text);
}

Statement& Statement::BindText(int index, const std::string& text) {
  if (stmt_) sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (stmt_) sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindBlob(int index, const std::string& bytes) {
  if (stmt_) sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBlobInPlace(int index, std::string_view bytes) {
  if (stmt_) sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC);
  return *this;
}

bool Statement::Step() {
  if (!stmt_ || !status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::Error(where_ + ": " + sqlite3_errmsg(db_));
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
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  status_ = Status::Ok();
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

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
  auto fn = reinterpret_cast<std::string (*)(std::string_view)>(sqlite3_user_data(context));
  const unsigned char* text = sqlite3_value_text(args[0]);
  if (!text) {
    sqlite3_result_null(context);
    return;
  }
  std::string out = fn(std::string_view(reinterpret_cast<const char*>(text),
                                        static_cast<size_t>(sqlite3_value_bytes(args[0]))));
  sqlite3_result_text(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

bool Database::CannotOpenShm() const {
  int code = sqlite3_extended_errcode(db_);
  return code == SQLITE_CANTOPEN || (code & 0xff) == SQLITE_READONLY || code == SQLITE_IOERR_SHMOPEN;
}

Status Database::KeepWalFiles() {
  int keep = 1;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_PERSIST_WAL, &keep) == SQLITE_OK) return Status::Ok();
  return Status::Error(path_ + ": cannot keep the WAL files: " + sqlite3_errmsg(db_));
}

Status Database::AddFunction(const char* name, std::string (*fn)(std::string_view)) {
  if (sqlite3_create_function_v2(db_, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, reinterpret_cast<void*>(fn),
                                 CallFunction, nullptr, nullptr, nullptr) == SQLITE_OK)
    return Status::Ok();
  return Status::Error(path_ + ": " + sqlite3_errmsg(db_));
}

Status Database::Open(const std::string& path, OpenMode mode, std::unique_ptr<Database>* out) {
  std::unique_ptr<Database> db(new Database());
  db->path_ = path;
  int flags = mode == OpenMode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  // One connection, one thread: no mutex on every call (2 % of an import).
  flags |= SQLITE_OPEN_NOMUTEX;
  std::string name = mode == OpenMode::Immutable ? ImmutableUri(path) : path;
  if (mode == OpenMode::Immutable) flags |= SQLITE_OPEN_URI;
  if (sqlite3_open_v2(name.c_str(), &db->db_, flags, nullptr) != SQLITE_OK) {
    std::string why = db->db_ ? sqlite3_errmsg(db->db_) : "out of memory";
    return Status::Error(path + ": cannot open database: " + why);
  }
  sqlite3_busy_timeout(db->db_, 5000);
  *out = std::move(db);
  return Status::Ok();
}

Database::~Database() {
  statements_.reset();
  if (db_) sqlite3_close_v2(db_);
}

Status Database::Exec(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return Status::Ok();
  std::string why = error ? error : "unknown error";
  sqlite3_free(error);
  return Status::Error(path_ + ": " + why);
}

std::unique_ptr<Statement> Database::Prepare(std::string_view sql) {
  return std::make_unique<Statement>(db_, sql, path_, statements_.get());
}

Transaction::Transaction(Database* db) : db_(db), nested_(sqlite3_get_autocommit(db->handle()) == 0) {
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
