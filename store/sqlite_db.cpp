#include "store/sqlite_db.h"

namespace icetrack::sql {

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& where)
    : db_(db), where_(where) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    status_ = Status::Error(where_ + ": " + sqlite3_errmsg(db) + " in: " + std::string(sql.substr(0, 80)));
    stmt_ = nullptr;
  }
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
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

Status Database::Open(const std::string& path, std::unique_ptr<Database>* out) {
  std::unique_ptr<Database> db(new Database());
  db->path_ = path;
  if (sqlite3_open_v2(path.c_str(), &db->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string why = db->db_ ? sqlite3_errmsg(db->db_) : "out of memory";
    return Status::Error(path + ": cannot open database: " + why);
  }
  sqlite3_busy_timeout(db->db_, 5000);
  *out = std::move(db);
  return Status::Ok();
}

Database::~Database() {
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
  return std::make_unique<Statement>(db_, sql, path_);
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
