#include "store/store.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "model/text_fold.h"
#include "store/event_codec.h"
#include "store/event_uid.h"
#include "store/list_cache.h"
#include "store/record_codec.h"
#include "store/row_codec.h"
#include "store/schema.h"
#include "store/sqlite_db.h"

namespace icetrack {

namespace {


std::string JoinFields(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) out += (out.empty() ? "" : ",") + f;
  return out;
}

std::set<std::string> SplitFields(const std::string& text) {
  std::set<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.insert(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

size_t IndexOf(ListKind list) { return list == ListKind::Participating ? 0 : 1; }

// A snapshot's rows as snapshot_members holds them: [[version_id, source_row], …]
// in sheet order. Written by hand: nlohmann would build a tree of ~1,800
// arrays to print two integers each.
class MemberList {
 public:
  void Add(int64_t version_id, int source_row) { members_.emplace_back(version_id, source_row); }
  std::string Finish() {
    std::sort(members_.begin(), members_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    std::string out = "[";
    for (const auto& [version, row] : members_) {
      if (out.size() > 1) out += ',';
      out += '[';
      out += std::to_string(version);
      out += ',';
      out += std::to_string(row);
      out += ']';
    }
    return out += ']';
  }

 private:
  std::vector<std::pair<int64_t, int>> members_;
};

// "FL|x|JEM" held by agreement 12 -> "FL|x|JEM@12": the key a retired agreement keeps.
std::string ArchivedKey(const std::string& key, int64_t id) { return key + "@" + std::to_string(id); }

}  // namespace

Store::Store() = default;
Store::~Store() = default;
const std::string& Store::path() const { return db_->path(); }
int Store::schema_version() const { return schema_version_; }

namespace {

// Why `path` cannot be a database file ("" when it can): not a regular file
// (a folder; a FIFO, which would block every read), or missing when it must exist.
std::string NotADatabaseFile(const std::string& path, bool must_exist, bool* exists) {
  *exists = false;
  if (path.empty()) return "the database path is empty";
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return path + ": " + std::strerror(errno);
    return must_exist ? path + ": no icetrack database here" : "";
  }
  *exists = true;
  if (S_ISDIR(st.st_mode)) return path + ": is a folder, not a database file";
  if (!S_ISREG(st.st_mode)) return path + ": is not a regular file (a FIFO or a device?), not a database file";
  if (must_exist && st.st_size == 0) return path + ": is an empty file, not an icetrack database";
  return "";
}

Status Configure(sql::Database* db, bool writer) {
  Status s = db->AddFunction("fold", [](std::string_view text) { return FoldForKey(text); });
  if (s.ok()) s = db->Exec("PRAGMA cache_size = -16384;");
  // Writers keep the -wal (emptied) and -shm files, so that readers only ever open files that exist.
  // The WAL keeps up to 4 MiB (a checkpoint's 1,000 pages) between
  // checkpoints: cut to nothing after each, it was grown again block by block
  // (5-7 % of a history's import, measured; docs/PERFORMANCE.md).
  if (s.ok() && writer)
    s = db->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                 "PRAGMA journal_size_limit = 4194304;");
  if (s.ok() && writer) s = db->KeepWalFiles();
  return s;
}

// Makes a new database beside `path` and renames it into place, so that it
// appears whole: a reader finds no database, or one at the current schema.
Status Create(const std::string& path) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) return Status::Error(path + ": cannot create folder " + folder.string() + ": " + ec.message());
  const std::string making = path + ".new";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(making + suffix, ec);
  {
    std::unique_ptr<sql::Database> db;
    int version = 0;
    Status s = sql::Database::Open(making, sql::OpenMode::ReadWrite, &db);
    if (s.ok()) s = db->Exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
    if (s.ok()) s = sql::Migrate(db.get(), &version);
    if (!s.ok()) return Status::Error(path + ": cannot create the database: " + s.message());
  }  // closed: its WAL is checkpointed into the file, and removed
  std::filesystem::rename(making, path, ec);
  if (ec) return Status::Error(path + ": cannot create the database: " + ec.message());
  return Status::Ok();
}

// Whether a WAL database may be read as immutable, as on a read-only medium:
// only when nothing is pending beside it (an empty or absent -wal, no hot
// -journal). Reading it so otherwise would give the file as it was before
// its last changes: a confident, stale answer.
bool NothingPendingBeside(const std::string& path) {
  struct stat st {};
  bool wal_empty = stat((path + "-wal").c_str(), &st) != 0 || st.st_size == 0;
  bool journal = stat((path + "-journal").c_str(), &st) == 0 && st.st_size > 0;
  return wal_empty && !journal;
}

}  // namespace

Status Store::Open(const std::string& path, std::unique_ptr<Store>* out) { return OpenForWriting(path, true, out); }

Status Store::OpenExisting(const std::string& path, std::unique_ptr<Store>* out) {
  return OpenForWriting(path, false, out);
}

Status Store::OpenForWriting(const std::string& given, bool create, std::unique_ptr<Store>* out) {
  const std::string path = ResolvedDatabasePath(given);  // a symlink's target is the database, made or not
  bool exists = false;
  if (std::string why = NotADatabaseFile(path, !create, &exists); !why.empty()) return Status::Error(why);
  if (!exists) {
    Status s = Create(path);
    if (!s.ok()) return s;
  }
  std::unique_ptr<Store> store(new Store());
  Status s = sql::Database::Open(path, sql::OpenMode::ReadWrite, &store->db_);
  if (s.ok()) s = sql::Identify(store->db_.get());  // another program's database is left alone
  if (s.ok()) s = Configure(store->db_.get(), true);
  if (s.ok()) s = sql::Migrate(store->db_.get(), &store->schema_version_);
  // During a rebuild, the events as they were (see BeginRebuild); empty otherwise.
  if (s.ok()) s = store->db_->Exec("CREATE TEMP TABLE old_events AS SELECT * FROM main.events WHERE 0; "
                                  "CREATE UNIQUE INDEX temp.old_events_by_uid ON old_events (uid);");
  if (s.ok()) *out = std::move(store);
  return s;
}

Status Store::OpenReadOnly(const std::string& path, std::unique_ptr<Store>* out) {
  bool exists = false;
  if (std::string why = NotADatabaseFile(path, true, &exists); !why.empty()) return Status::Error(why);
  std::unique_ptr<Store> store(new Store());
  Status s = sql::Database::Open(path, sql::OpenMode::ReadOnly, &store->db_);
  if (s.ok()) s = Configure(store->db_.get(), false);
  if (s.ok()) s = sql::CheckCurrent(store->db_.get());
  if (!s.ok() && store->db_ && store->db_->CannotOpenShm()) {
    // A WAL database whose folder we may not write (a read-only medium) and
    // whose -shm is missing: none can be made.
    if (!NothingPendingBeside(path))
      return Status::Error(path + ": has changes in its -wal that cannot be read here (no -shm, and its folder "
                                  "may not be written): open it once where it may be written, or copy it with "
                                  "its -wal and -shm");
    s = sql::Database::Open(path, sql::OpenMode::Immutable, &store->db_);
    if (s.ok()) s = Configure(store->db_.get(), false);
    if (s.ok()) s = sql::CheckCurrent(store->db_.get());
  }
  if (!s.ok()) return s;
  store->schema_version_ = sql::kSchemaVersion;
  *out = std::move(store);
  return Status::Ok();
}

Status Store::FindSnapshot(const std::string& sha256, std::optional<SnapshotInfo>* out) {
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns + " FROM snapshots WHERE sha256 = ?");
  st->BindText(1, sha256);
  out->reset();
  if (st->Step()) *out = ReadSnapshot(*st);
  return st->status();
}

Status Store::StoredDigests(std::set<std::string>* out) {
  out->clear();
  auto st = db_->Prepare("SELECT sha256 FROM snapshots");
  while (st->Step()) out->insert(st->Text(0));
  return st->status();
}

Status Store::GetSnapshot(int64_t id, SnapshotInfo* out, std::string* bytes) {
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns + ", w.content FROM snapshots "
                         "JOIN workbooks w USING (sha256) WHERE id = ?");
  st->Bind(1, id);
  if (!st->Step()) {
    return st->status().ok() ? Status::Error(path() + ": no snapshot " + std::to_string(id)) : st->status();
  }
  *out = ReadSnapshot(*st);
  if (bytes) *bytes = st->Text(kSnapshotColumnCount);
  return Status::Ok();
}

Status Store::LatestAccepted(ListKind list, std::optional<SnapshotInfo>* out) {
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns +
                         " FROM snapshots WHERE list = ? AND status = ? "
                         "ORDER BY unixepoch(published_at) DESC, id DESC LIMIT 1");
  st->BindText(1, ToString(list)).BindText(2, ToString(SnapshotStatus::Accepted));
  out->reset();
  if (st->Step()) *out = ReadSnapshot(*st);
  return st->status();
}

Status Store::SetPageCacheKiB(int kib) {
  return db_->Exec("PRAGMA cache_size = -" + std::to_string(std::max(kib, 1)) + ";");
}

Status Store::Snapshots(std::vector<SnapshotInfo>* out) {
  out->clear();
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns + " FROM snapshots ORDER BY id");
  while (st->Step()) out->push_back(ReadSnapshot(*st));
  return st->status();
}

Status Store::LoadListState(ListKind list, std::shared_ptr<const ListState>* shared) {
  std::optional<SnapshotInfo> latest;
  Status s = LatestAccepted(list, &latest);
  if (!s.ok()) return s;
  CachedList* cache = nullptr;
  if (latest && !(s = TrustedCache(list, latest->id, &cache)).ok()) return s;
  if (cache) {
    *shared = cache->state;
    return Status::Ok();
  }
  shared->reset();
  auto state = std::make_shared<ListState>();
  ListState* out = state.get();
  out->has_baseline = latest.has_value();
  if (latest) {
    auto fields = db_->Prepare("SELECT fields FROM snapshots WHERE id = ?");
    fields->Bind(1, latest->id);
    if (fields->Step()) out->fields = SplitFields(fields->Text(0));
    if (!fields->status().ok()) return fields->status();
  }
  auto st = db_->Prepare(std::string("SELECT a.key, a.status, a.misses, a.missing_since, a.removed_at, ") +
                         kRowSelect + " FROM agreements a JOIN row_versions v ON v.id = a.version_id "
                         "WHERE a.list = ?");
  st->BindText(1, ToString(list));
  std::vector<PackedRow> present;
  while (st->Step()) {
    RosterRow row = ReadRow(*st, 5);
    row.key = st->Text(0);
    AgreementStatus status = AgreementStatus::Removed;
    ParseAgreementStatus(st->Text(1), &status);
    if (status == AgreementStatus::Present) {
      present.emplace_back(row);
    } else if (status == AgreementStatus::Missing) {
      MissingRow m{std::move(row), static_cast<int>(st->Int(2)), st->Text(3)};
      out->missing.emplace(m.row.key, std::move(m));
    } else {
      RemovedRow r{std::move(row), st->Text(3), st->Text(4)};
      out->removed.emplace(r.row.key, std::move(r));
    }
  }
  out->present = KeyedRows(std::move(present));
  if (st->status().ok()) *shared = std::move(state);
  return st->status();
}

Status Store::LoadOtherList(ListKind diffing, OtherList* out) {
  *out = OtherList();
  if (diffing == ListKind::Participating) {
    auto st = db_->Prepare(
        "SELECT a.key, s.published_at FROM agreements a JOIN snapshots s ON s.id = a.first_snapshot "
        "WHERE a.list = ?");
    st->BindText(1, ToString(ListKind::Pending));
    while (st->Step()) out->pending_since[st->Text(0)] = st->Text(1);
    return st->status();
  }
  auto st = db_->Prepare("SELECT key FROM agreements WHERE list = ? AND status IN (?, ?)");
  st->BindText(1, ToString(ListKind::Participating)).BindText(2, ToString(AgreementStatus::Present))
      .BindText(3, ToString(AgreementStatus::Missing));
  while (st->Step()) out->participating.insert(st->Text(0));
  return st->status();
}

Status Store::WriteSnapshot(const SnapshotRecord& record, SnapshotStatus status, int64_t* id) {
  const PackedRoster& roster = *record.roster;
  auto blob = db_->Prepare("INSERT OR IGNORE INTO workbooks (sha256, size, content) VALUES (?, ?, ?)");
  blob->BindText(1, record.sha256).Bind(2, static_cast<int64_t>(record.bytes.size())).BindBlobInPlace(3, record.bytes);
  Status s = blob->Run();
  if (!s.ok()) return s;
  auto snap = db_->Prepare(
      "INSERT INTO snapshots (list, sha256, source_name, source_url, published_at, observed_at, sheet, rows, jem, "
      "tfm, wso, no_model, warnings, status, note, fields, source) VALUES (?,?,?,?,?,?,?,0,0,0,0,0,'[]',?,?,'',?)");
  snap->BindText(1, ToString(roster.kind)).BindText(2, record.sha256).BindText(3, record.source_name)
      .Bind(4, record.source_url).BindText(5, record.published_at.empty() ? record.observed_at : record.published_at)
      .BindText(6, record.observed_at).BindText(7, roster.sheet).BindText(8, ToString(status)).Bind(9, record.note)
      .BindText(10, ToString(record.source));
  if (!(s = snap->Run()).ok()) return s;
  *id = db_->LastInsertId();
  return Status::Ok();
}

namespace {

// What a snapshot holds, read from its roster: written on Record and again on Rerecord.
Status WriteSnapshotContent(sql::Database* db, int64_t id, const PackedRoster& roster, SnapshotStatus status,
                            const std::string& note) {
  ModelCounts counts = CountModels(roster.rows);
  nlohmann::json warnings = nlohmann::json::array();
  for (const Warning& w : roster.warnings)
    warnings.push_back({{"row", w.row}, {"column", w.column}, {"message", w.message}});
  auto st = db->Prepare(
      "UPDATE snapshots SET list = ?, sheet = ?, rows = ?, jem = ?, tfm = ?, wso = ?, no_model = ?, warnings = ?, "
      "status = ?, note = ?, fields = ? WHERE id = ?");
  st->BindText(1, ToString(roster.kind)).BindText(2, roster.sheet).Bind(3, static_cast<int64_t>(roster.rows.size()))
      .Bind(4, int64_t{counts.jem}).Bind(5, int64_t{counts.tfm}).Bind(6, int64_t{counts.wso})
      .Bind(7, int64_t{counts.unknown}).BindText(8, ColumnJson(warnings)).BindText(9, ToString(status))
      .Bind(10, note).BindText(11, JoinFields(roster.fields)).Bind(12, id);
  return st->Run();
}

}  // namespace

Status Store::Record(const SnapshotRecord& record, SnapshotStatus status, ListUpdate update,
                     int64_t* snapshot_id, const std::vector<AlertRoute>& routes) {
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  int64_t id = 0;
  Status s = WriteSnapshot(record, status, &id);
  if (s.ok()) s = WriteSnapshotContent(db_.get(), id, *record.roster, status, record.note);
  if (s.ok()) s = WriteUpdate(id, record.roster->kind, status == SnapshotStatus::Accepted, &update, routes);
  if (s.ok()) s = tx.Commit();
  KeepMadeCaches(s.ok());
  if (s.ok() && snapshot_id) *snapshot_id = id;
  return s;
}

Status Store::WriteUpdate(int64_t snapshot_id, ListKind list, bool accepted, ListUpdate* update,
                          const std::vector<AlertRoute>& routes) {
  std::map<std::string, int64_t> ids;
  std::vector<int64_t> event_ids;
  Status s = accepted ? WriteRows(snapshot_id, list, update, &ids) : AgreementIds(list, &ids);
  if (s.ok()) s = WriteEvents(snapshot_id, "", update->events, ids, &event_ids);
  if (s.ok()) s = WriteRoutes(event_ids, routes);
  return s;
}

Status Store::WriteRoutes(const std::vector<int64_t>& event_ids, const std::vector<AlertRoute>& routes) {
  auto st = db_->Prepare(
      "INSERT OR IGNORE INTO outbox_items (target, event_id, uid) VALUES (?, ?, (SELECT uid FROM events WHERE id = ?))");
  for (const AlertRoute& r : routes) {
    if (r.event >= event_ids.size()) return Status::Error(path() + ": an alert route names no event");
    Status s = st->BindText(1, r.target).Bind(2, event_ids[r.event]).Bind(3, event_ids[r.event]).Run();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Store::Release(int64_t snapshot_id, ListUpdate update, const std::vector<AlertRoute>& routes) {
  SnapshotInfo info;
  Status s = GetSnapshot(snapshot_id, &info, nullptr);
  if (!s.ok()) return s;
  if (info.status != SnapshotStatus::Quarantined)
    return Status::Error(path() + ": snapshot " + std::to_string(snapshot_id) + " is " +
                         ToString(info.status) + ", not quarantined");
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  auto st = db_->Prepare("UPDATE snapshots SET status = ?, accepted_by_hand = 1, "
                         "note = COALESCE(note || '; ', '') || 'accepted by hand' WHERE id = ?");
  st->BindText(1, ToString(SnapshotStatus::Accepted)).Bind(2, snapshot_id);
  if (!(s = st->Run()).ok()) return s;
  if ((s = WriteUpdate(snapshot_id, info.list, true, &update, routes)).ok()) s = tx.Commit();
  KeepMadeCaches(s.ok());
  return s;
}

Status Store::MarkAcceptedByHand(int64_t snapshot_id) {
  auto st = db_->Prepare("UPDATE snapshots SET accepted_by_hand = 1 WHERE id = ?");
  st->Bind(1, snapshot_id);
  return st->Run();
}

Status Store::AddEvents(int64_t snapshot_id, const std::vector<ChangeEvent>& events,
                        const std::vector<AlertRoute>& routes) {
  SnapshotInfo info;
  Status s = GetSnapshot(snapshot_id, &info, nullptr);
  if (!s.ok()) return s;
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  std::map<std::string, int64_t> ids;
  std::vector<int64_t> event_ids;
  if (!(s = AgreementIds(info.list, &ids)).ok()) return s;
  if (!(s = WriteEvents(snapshot_id, "", events, ids, &event_ids)).ok()) return s;
  if (!(s = WriteRoutes(event_ids, routes)).ok()) return s;
  return tx.Commit();
}

Status Store::AddNotices(const std::vector<ChangeEvent>& notices, const std::string& at,
                         const std::vector<AlertRoute>& routes) {
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  std::vector<int64_t> event_ids;
  Status s = WriteEvents(0, at, notices, {}, &event_ids);
  if (s.ok()) s = WriteRoutes(event_ids, routes);
  if (s.ok()) s = tx.Commit();
  return s;
}

Status Store::AgreementIds(ListKind list, std::map<std::string, int64_t>* ids) {
  auto st = db_->Prepare("SELECT key, id FROM agreements WHERE list = ?");
  st->BindText(1, ToString(list));
  while (st->Step()) (*ids)[st->Text(0)] = st->Int(1);
  return st->status();
}

namespace {

// Records `row` as a new version of agreement `a` unless its content is the
// version stored (its digest says so).
Status WriteVersion(sql::Database* db, int64_t snapshot_id, const PackedRow& packed, sql::Statement* insert_version,
                    sql::Statement* set_version, StoredAgreement* a) {
  RosterRow row = packed.Unpack();
  std::string digest = ContentDigest(row);
  if (a->version_id != 0 && a->HasDigest(digest)) return Status::Ok();
  insert_version->Bind(1, a->id).Bind(2, snapshot_id);
  BindRow(insert_version, 3, row);
  Status s = insert_version->Run();
  if (!s.ok()) return s;
  a->version_id = db->LastInsertId();
  a->SetDigest(digest);
  return set_version->Bind(1, a->version_id).BindText(2, digest).Bind(3, a->id).Run();
}

}  // namespace

Status Store::WriteRows(int64_t snapshot_id, ListKind list, ListUpdate* updating,
                        std::map<std::string, int64_t>* ids) {
  const ListUpdate& update = *updating;
  // Rows that are gone were last seen in the list's previous accepted
  // snapshot: the newest published of the others accepted (a rebuild in
  // publication order has accepted only those before this one; ids follow
  // the order of arrival, not of publication).
  auto previous = db_->Prepare(
      "SELECT id FROM snapshots WHERE list = ? AND status = ? AND id <> ? "
      "ORDER BY unixepoch(published_at) DESC, id DESC LIMIT 1");
  previous->BindText(1, ToString(list)).BindText(2, ToString(SnapshotStatus::Accepted)).Bind(3, snapshot_id);
  int64_t last_snapshot = previous->Step() ? previous->Int(0) : 0;
  if (!previous->status().ok()) return previous->status();
  AgreementIndex stored;
  CachedList* cache = nullptr;
  Status s = TrustedCache(list, last_snapshot, &cache);
  if (!s.ok()) return s;
  std::shared_ptr<const ListState> before;  // the rows as last recorded, when cached
  if (cache) stored = std::move(cache->agreements), before = cache->state;
  cached_[IndexOf(list)].reset();  // taken: made again below once this write commits
  made_[IndexOf(list)].reset();
  if (!cache && !(s = ReadAgreements(list, &stored)).ok()) return s;

  auto rekey = db_->Prepare("UPDATE agreements SET key = ? WHERE id = ?");
  // A re-keyed agreement is still what events about its old key name; a retired one is not.
  auto move_key = [&](const std::string& from, const std::string& to, bool old_key_names_it) {
    StoredAgreement a;
    if (!stored.Erase(from, &a)) return Status::Ok();
    if (stored.Find(to)) return Status::Error(path() + ": agreement key " + to + " is taken");
    if (old_key_names_it) (*ids)[from] = a.id;
    Status moved = rekey->BindText(1, to).Bind(2, a.id).Run();
    stored.Insert(to, a);
    return moved;
  };
  for (const std::string& key : update.retired) {
    const StoredAgreement* a = stored.Find(key);
    if (a && !(s = move_key(key, ArchivedKey(key, a->id), false)).ok()) return s;
  }
  // Through a key no row has, so that A -> B and B -> C in one publication both work.
  for (const auto& [new_key, old_key] : update.rekeyed) {
    if (!(s = move_key(old_key, "\x01moving " + old_key, true)).ok()) return s;
  }
  for (const auto& [new_key, old_key] : update.rekeyed) {
    if (!(s = move_key("\x01moving " + old_key, new_key, false)).ok()) return s;
  }

  const std::string present = ToString(AgreementStatus::Present);
  auto insert_agreement = db_->Prepare(
      "INSERT INTO agreements (list, key, status, first_snapshot) VALUES (?, ?, ?, ?)");
  auto insert_version = db_->Prepare(std::string("INSERT INTO row_versions (agreement_id, snapshot_id, ") +
                                     kRowColumns + ") VALUES (?, ?, " + kRowPlaceholders + ")");
  auto set_version = db_->Prepare("UPDATE agreements SET version_id = ?, digest = ? WHERE id = ?");
  auto set_present = db_->Prepare(
      "UPDATE agreements SET status = ?, misses = 0, missing_since = NULL, removed_at = NULL, "
      "last_snapshot = NULL WHERE id = ?");
  MemberList members;
  static const KeyedRows kNone;
  const KeyedRows& was_present = before ? before->present : kNone;
  auto next_was = was_present.begin();
  for (const PackedRow& packed : update.next.present) {
    const std::string_view key = packed.key();
    while (next_was != was_present.end() && next_was->key() < key) ++next_was;
    // A row as it was recorded last time is its current version: no digest needed to see it unchanged.
    bool unchanged = next_was != was_present.end() && next_was->key() == key && SameContent(*next_was, packed);
    StoredAgreement* a = stored.Find(key);
    if (!a) {
      insert_agreement->BindText(1, ToString(list)).BindText(2, std::string(key)).BindText(3, present)
          .Bind(4, snapshot_id);
      if (!(s = insert_agreement->Run()).ok()) return s;
      StoredAgreement fresh;
      fresh.id = db_->LastInsertId();
      a = stored.AddPending(key, fresh);  // rows come in key order
    }
    if ((a->version_id == 0 || !unchanged) &&
        !(s = WriteVersion(db_.get(), snapshot_id, packed, insert_version.get(), set_version.get(), a)).ok())
      return s;
    if (a->status != AgreementStatus::Present && !(s = set_present->BindText(1, present).Bind(2, a->id).Run()).ok())
      return s;
    a->status = AgreementStatus::Present;
    members.Add(a->version_id, packed.source_row());
  }
  stored.MergePending();
  auto write_members = db_->Prepare("INSERT INTO snapshot_members (snapshot_id, members) VALUES (?, ?)");
  if (!(s = write_members->Bind(1, snapshot_id).BindText(2, members.Finish()).Run()).ok()) return s;

  auto set_missing = db_->Prepare(
      "UPDATE agreements SET status = ?, misses = ?, missing_since = ?, "
      "last_snapshot = COALESCE(last_snapshot, ?) WHERE id = ?");
  auto set_removed = db_->Prepare(
      "UPDATE agreements SET status = ?, missing_since = ?, removed_at = ?, "
      "last_snapshot = COALESCE(last_snapshot, ?) WHERE id = ?");
  auto unknown = [&](const std::string& key) {
    return Status::Error(path() + ": the diff names agreement " + key + ", which the store does not hold");
  };
  for (const auto& [key, m] : update.next.missing) {
    StoredAgreement* a = stored.Find(key);
    if (!a) return unknown(key);
    if (a->status == AgreementStatus::Missing && a->misses == m.misses) continue;
    set_missing->BindText(1, ToString(AgreementStatus::Missing)).Bind(2, int64_t{m.misses}).BindText(3, m.since)
        .Bind(4, last_snapshot).Bind(5, a->id);
    if (!(s = set_missing->Run()).ok()) return s;
    a->status = AgreementStatus::Missing;
    a->misses = m.misses;
  }
  for (const auto& [key, r] : update.next.removed) {
    StoredAgreement* a = stored.Find(key);
    if (!a) return unknown(key);
    if (a->status == AgreementStatus::Removed) continue;
    set_removed->BindText(1, ToString(AgreementStatus::Removed)).Bind(2, r.since).Bind(3, r.removed_at)
        .Bind(4, last_snapshot).Bind(5, a->id);
    if (!(s = set_removed->Run()).ok()) return s;
    a->status = AgreementStatus::Removed;
  }
  for (const ChangeEvent& e : update.events) {  // a key's holder now wins over its old holder
    if (const StoredAgreement* a = stored.Find(e.key)) (*ids)[e.key] = a->id;
  }
  // Cached only when the diff's state names every agreement the store holds, once.
  const ListState& next = update.next;
  if (update.retired.empty() && stored.size() == next.present.size() + next.missing.size() + next.removed.size())
    return MakeCache(snapshot_id, list, std::move(updating->next), std::move(stored));
  return Status::Ok();
}

Status Store::MakeCache(int64_t snapshot_id, ListKind list, ListState next, AgreementIndex agreements) {
  auto fields = db_->Prepare("SELECT fields FROM snapshots WHERE id = ?");  // as LoadListState reads them
  fields->Bind(1, snapshot_id);
  if (!fields->Step()) return fields->status();
  auto state = std::make_shared<ListState>(std::move(next));
  state->has_baseline = true;
  state->fields = SplitFields(fields->Text(0));
  MakeAsStored(state.get());
  made_[IndexOf(list)].reset(new CachedList{snapshot_id, 0, std::move(state), std::move(agreements)});
  return Status::Ok();
}

Status Store::ReadAgreements(ListKind list, AgreementIndex* out) {
  auto load = db_->Prepare("SELECT key, id, status, version_id, misses, digest FROM agreements WHERE list = ?");
  load->BindText(1, ToString(list));
  std::vector<std::pair<std::string, StoredAgreement>> read;
  while (load->Step()) {
    StoredAgreement a;
    a.id = load->Int(1);
    a.version_id = load->Int(3);
    a.misses = static_cast<int>(load->Int(4));
    a.SetDigest(load->Text(5));
    ParseAgreementStatus(load->Text(2), &a.status);
    read.emplace_back(load->Text(0), a);
  }
  if (!load->status().ok()) return load->status();
  std::sort(read.begin(), read.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  *out = AgreementIndex();
  for (const auto& [key, a] : read) out->AddPending(key, a);
  out->MergePending();
  return Status::Ok();
}

Status Store::TrustedCache(ListKind list, int64_t snapshot_id, CachedList** out) {
  *out = nullptr;
  std::unique_ptr<CachedList>& cache = cached_[IndexOf(list)];
  if (!cache) return Status::Ok();
  auto version = db_->Prepare("PRAGMA data_version");
  int64_t data_version = version->Step() ? version->Int(0) : -1;
  if (!version->status().ok()) return version->status();
  if (cache->snapshot_id == snapshot_id && cache->data_version == data_version) *out = cache.get();
  else cache.reset();
  return Status::Ok();
}

void Store::KeepMadeCaches(bool committed) {
  auto version = db_->Prepare("PRAGMA data_version");
  int64_t data_version = version->Step() ? version->Int(0) : -1;
  for (size_t i = 0; i < 2; ++i) {
    if (!made_[i]) continue;
    if (committed && version->status().ok()) {
      made_[i]->data_version = data_version;
      cached_[i] = std::move(made_[i]);
    }
    made_[i].reset();
  }
}

void Store::DropCaches() {
  for (size_t i = 0; i < 2; ++i) cached_[i].reset(), made_[i].reset();
}

Status Store::WriteEvents(int64_t snapshot_id, const std::string& notice_at, const std::vector<ChangeEvent>& events,
                          const std::map<std::string, int64_t>& agreement_ids, std::vector<int64_t>* ids) {
  ids->clear();
  // An event's publication is its snapshot's workbook; a notice's, the moment it was noticed.
  std::string publication = "notice@" + notice_at, at = notice_at;
  EventUids uids;
  if (snapshot_id) {
    auto snapshot = db_->Prepare("SELECT sha256, published_at FROM snapshots WHERE id = ?");
    snapshot->Bind(1, snapshot_id);
    if (!snapshot->Step())
      return snapshot->status().ok() ? Status::Error(path() + ": no snapshot " + std::to_string(snapshot_id))
                                     : snapshot->status();
    publication = snapshot->Text(0);
    at = snapshot->Text(1);
  }
  // Ordinals continue after the events this publication already has (AddEvents).
  auto existing = db_->Prepare(snapshot_id ? "SELECT list, kind, key FROM events WHERE snapshot_id = ? ORDER BY id"
                                           : "SELECT list, kind, key FROM events WHERE snapshot_id IS NULL AND "
                                             "at = ? ORDER BY id");
  if (snapshot_id) existing->Bind(1, snapshot_id);
  else existing->BindText(1, at);
  while (existing->Step()) uids.Next(existing->Text(0), existing->Text(1), existing->Text(2), publication);
  if (!existing->status().ok()) return existing->status();
  // An event that a rebuild finds again keeps its id; a new one gets a new id.
  auto st = db_->Prepare(
      "INSERT INTO events (id, uid, snapshot_id, at, kind, list, agreement_id, key, state_code, agency, model, "
      "agency_type, county, signed, moa_url, changes, since, detail) "
      "VALUES ((SELECT id FROM temp.old_events WHERE uid = ?1), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "?13, ?14, ?15, ?16, ?17)");
  for (const ChangeEvent& e : events) {
    st->BindText(1, uids.Next(ToString(e.list), ToString(e.kind), e.key, publication)).BindText(3, at)
        .BindText(4, ToString(e.kind)).BindText(5, ToString(e.list));
    if (snapshot_id) st->Bind(2, snapshot_id);
    else st->BindNull(2);
    auto id = agreement_ids.find(e.key);
    if (!e.key.empty() && id != agreement_ids.end()) st->Bind(6, id->second);
    else st->BindNull(6);
    st->Bind(7, e.key).Bind(8, e.state_code).Bind(9, e.agency).Bind(10, ToString(e.model)).Bind(11, e.agency_type)
        .Bind(12, e.county).Bind(13, e.signed_date).Bind(14, e.moa_url).BindText(15, ChangesJson(e.changes))
        .Bind(16, e.since).Bind(17, e.detail);
    Status s = st->Run();
    if (!s.ok()) return s;
    ids->push_back(db_->LastInsertId());
  }
  return Status::Ok();
}

Store::Rebuild::Rebuild(Store* store) : store_(store) {}
// Rolled back: the caches its records made describe nothing.
Store::Rebuild::~Rebuild() {
  if (tx_ && !committed_) store_->DropCaches();
}

Status Store::BeginRebuild(std::unique_ptr<Rebuild>* out) {
  DropCaches();
  std::unique_ptr<Rebuild> rebuild(new Rebuild(this));
  rebuild->tx_ = std::make_unique<sql::Transaction>(db_.get());
  if (!rebuild->tx_->status().ok()) return rebuild->tx_->status();
  // Events from the page or the fetch log, not the workbooks, cannot be derived again: they stay.
  std::string derived;
  for (EventKind kind : AllEventKinds()) {
    if (DerivedFromWorkbooks(kind)) derived += std::string(derived.empty() ? "'" : ", '") + ToString(kind) + "'";
  }
  Status s = db_->Exec(
      "DELETE FROM temp.old_events; INSERT INTO temp.old_events SELECT * FROM main.events; "
      "DELETE FROM events WHERE kind IN (" + derived + "); UPDATE events SET agreement_id = NULL; "
      "DELETE FROM snapshot_members; UPDATE agreements SET version_id = NULL; DELETE FROM row_versions; "
      "DELETE FROM agreements; UPDATE snapshots SET status = '" + std::string(ToString(SnapshotStatus::Late)) + "';");
  if (s.ok()) *out = std::move(rebuild);
  return s;
}

Status Store::Rebuild::Rerecord(int64_t id, const PackedRoster& roster, SnapshotStatus status, const std::string& note,
                                ListUpdate update, const std::vector<AlertRoute>& routes) {
  sql::Transaction tx(store_->db_.get());
  Status s = tx.status();
  if (s.ok()) s = WriteSnapshotContent(store_->db_.get(), id, roster, status, note);
  if (s.ok()) s = store_->WriteUpdate(id, roster.kind, status == SnapshotStatus::Accepted, &update, routes);
  if (s.ok()) s = tx.Commit();
  store_->KeepMadeCaches(s.ok());
  return s;
}

Status Store::Rebuild::Commit(std::vector<StoredEvent>* added, std::vector<StoredEvent>* disappeared) {
  added->clear();
  disappeared->clear();
  auto differences = [&](const char* from, const char* other, std::vector<StoredEvent>* into) {
    auto st = store_->db_->Prepare(std::string("SELECT ") + kEventColumns + " FROM " + from + " e WHERE e.uid NOT IN "
                                   "(SELECT uid FROM " + other + ") ORDER BY unixepoch(e.at), e.id");
    while (st->Step()) into->push_back(ReadEvent(*st));
    return st->status();
  };
  Status s = differences("main.events", "temp.old_events", added);
  if (s.ok()) s = differences("temp.old_events", "main.events", disappeared);
  if (s.ok())
    s = store_->db_->Exec("UPDATE events SET agreement_id = (SELECT a.id FROM agreements a WHERE "
                          "a.list = events.list AND a.key = events.key) WHERE agreement_id IS NULL AND key <> ''");
  // An alert not yet sent about an event the new log has not is not sent.
  if (s.ok())
    s = store_->db_->Exec("DELETE FROM outbox_items WHERE delivery_id IS NULL AND "
                          "event_id NOT IN (SELECT id FROM main.events)");
  if (s.ok()) s = store_->db_->Exec("DELETE FROM temp.old_events");
  if (s.ok()) s = tx_->Commit();
  committed_ = s.ok();
  return s;
}

Status Store::Settings(std::map<std::string, std::string>* out) {
  out->clear();
  auto st = db_->Prepare("SELECT name, value FROM settings");
  while (st->Step()) (*out)[st->Text(0)] = st->Text(1);
  return st->status();
}

Status Store::SetSettings(const std::map<std::string, std::string>& values) {
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  auto st = db_->Prepare("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)");
  for (const auto& [name, value] : values) {
    Status s = st->BindText(1, name).BindText(2, value).Run();
    if (!s.ok()) return s;
  }
  return tx.Commit();
}

Status Store::RecordFetch(const FetchRecord& f) {
  auto st = db_->Prepare(std::string("INSERT INTO fetches (") + kFetchColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  st->BindText(1, f.at).BindText(2, f.url).Bind(3, f.final_url);
  if (f.status) st->Bind(4, static_cast<int64_t>(f.status));
  else st->BindNull(4);
  st->Bind(5, f.etag).Bind(6, f.last_modified).Bind(7, f.bytes).Bind(8, f.sha256).BindText(9, ToString(f.outcome))
      .Bind(10, f.error);
  if (f.snapshot_id) st->Bind(11, f.snapshot_id);
  else st->BindNull(11);
  st->Bind(12, JoinLines(f.links));
  return st->Run();
}

Status Store::LastGoodFetch(const std::string& url, std::optional<FetchRecord>* out) {
  std::string good;
  for (FetchOutcome o : AllFetchOutcomes()) {
    if (GivesValidators(o)) good += std::string(good.empty() ? "'" : ", '") + ToString(o) + "'";
  }
  auto st = db_->Prepare(std::string("SELECT ") + kFetchColumns + " FROM fetches WHERE url = ? AND outcome IN (" +
                         good + ") ORDER BY id DESC LIMIT 1");
  st->BindText(1, url);
  out->reset();
  if (st->Step()) *out = ReadFetch(*st);
  return st->status();
}

Status Store::Fetches(int limit, std::vector<FetchRecord>* out) {
  out->clear();
  auto st = db_->Prepare(std::string("SELECT ") + kFetchColumns + " FROM fetches ORDER BY id DESC LIMIT ?");
  st->Bind(1, int64_t{limit});
  while (st->Step()) out->push_back(ReadFetch(*st));
  return st->status();
}

Status Store::Events(const EventFilter& filter, std::vector<StoredEvent>* out) {
  out->clear();
  std::string sql = std::string("SELECT ") + kEventColumns + " FROM events e WHERE 1 = 1";
  // Every number's "?" comes before every text's: numbers are bound first.
  std::vector<std::string> texts;
  std::vector<int64_t> instants;   // and ids
  if (filter.after_id > 0) {
    sql += " AND e.id > ?";
    instants.push_back(filter.after_id);
  }
  if (filter.since) {
    sql += " AND unixepoch(e.at) >= ?";
    instants.push_back(filter.since->seconds);
  }
  if (filter.until) {
    sql += " AND unixepoch(e.at) < ?";
    instants.push_back(filter.until->seconds);
  }
  if (!filter.signed_from.empty() || !filter.signed_through.empty()) sql += " AND COALESCE(e.signed, '') <> ''";
  if (!filter.signed_from.empty()) {
    sql += " AND e.signed >= ?";
    texts.push_back(filter.signed_from);
  }
  if (!filter.signed_through.empty()) {
    sql += " AND e.signed <= ?";
    texts.push_back(filter.signed_through);
  }
  if (!filter.state_code.empty()) {
    sql += " AND e.state_code = ?";
    texts.push_back(filter.state_code);
  }
  if (filter.list) {
    sql += " AND e.list = ?";
    texts.push_back(ToString(*filter.list));
  }
  if (filter.model != Model::Unknown) {
    sql += " AND e.model = ?";
    texts.push_back(ToString(filter.model));
  }
  if (!filter.kinds.empty()) {
    sql += " AND e.kind IN (";
    for (size_t i = 0; i < filter.kinds.size(); ++i) {
      sql += i ? ", ?" : "?";
      texts.push_back(ToString(filter.kinds[i]));
    }
    sql += ")";
  }
  sql += " ORDER BY unixepoch(e.at) DESC, e.id DESC";
  auto st = db_->Prepare(sql);
  int index = 1;
  for (int64_t v : instants) st->Bind(index++, v);
  for (const std::string& t : texts) st->BindText(index++, t);
  while (st->Step()) out->push_back(ReadEvent(*st));
  return st->status();
}

Status Store::FindAgreements(const AgreementQuery& query, std::vector<AgreementHistory>* out) {
  out->clear();
  std::string sql = std::string("SELECT a.id, a.list, a.key, a.status, s.first_seen, s.last_seen, ") + kRowSelect +
                    " FROM agreements a JOIN agreement_summary s ON s.id = a.id "
                    "JOIN row_versions v ON v.id = a.version_id WHERE a.id IN "
                    "(SELECT agreement_id FROM row_versions WHERE instr(fold(agency), ?1) > 0 "
                    "OR instr(fold(county), ?1) > 0)";
  if (!query.state_code.empty()) sql += " AND v.state_code = ?2";
  if (query.model != Model::Unknown) sql += " AND v.model = ?3";
  if (query.list) sql += " AND a.list = ?4";
  sql += " ORDER BY a.list DESC, v.state_code, v.agency, v.model";
  auto st = db_->Prepare(sql);
  st->BindText(1, FoldForKey(query.text));
  if (!query.state_code.empty()) st->BindText(2, query.state_code);
  if (query.model != Model::Unknown) st->BindText(3, ToString(query.model));
  if (query.list) st->BindText(4, ToString(*query.list));
  while (st->Step()) {
    AgreementHistory h;
    h.id = st->Int(0);
    ParseListKind(st->Text(1), &h.list);
    h.key = st->Text(2);
    ParseAgreementStatus(st->Text(3), &h.status);
    h.first_seen = st->Text(4);
    h.last_seen = st->Text(5);
    h.current = ReadRow(*st, 6);
    out->push_back(std::move(h));
  }
  if (!st->status().ok()) return st->status();
  auto events = db_->Prepare(std::string("SELECT ") + kEventColumns +
                             " FROM events e WHERE e.agreement_id = ? ORDER BY unixepoch(e.at), e.id");
  for (AgreementHistory& h : *out) {
    events->Bind(1, h.id);
    while (events->Step()) h.events.push_back(ReadEvent(*events));
    if (!events->status().ok()) return events->status();
    events->Reset();
  }
  return Status::Ok();
}

}  // namespace icetrack
