#include "store/store.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/row_codec.h"
#include "store/schema.h"
#include "store/sqlite_db.h"

namespace icetrack {

namespace {

const char* kSnapshotColumns =
    "id, list, sha256, source_name, source_url, published_at, observed_at, sheet, note, "
    "rows, jem, tfm, wso, no_model, status";

SnapshotInfo ReadSnapshot(const sql::Statement& st) {
  SnapshotInfo s;
  s.id = st.Int(0);
  ParseListKind(st.Text(1), &s.list);
  s.sha256 = st.Text(2);
  s.source_name = st.Text(3);
  s.source_url = st.Text(4);
  s.published_at = st.Text(5);
  s.observed_at = st.Text(6);
  s.sheet = st.Text(7);
  s.note = st.Text(8);
  s.rows = static_cast<int>(st.Int(9));
  s.jem = static_cast<int>(st.Int(10));
  s.tfm = static_cast<int>(st.Int(11));
  s.wso = static_cast<int>(st.Int(12));
  s.no_model = static_cast<int>(st.Int(13));
  std::string status = st.Text(14);
  s.status = status == "quarantined" ? SnapshotStatus::Quarantined
             : status == "late"      ? SnapshotStatus::Late
                                     : SnapshotStatus::Accepted;
  return s;
}

std::string ChangesJson(const std::vector<FieldChange>& changes) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto value = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); };
  for (const FieldChange& c : changes) j[c.field] = {value(c.old_value), value(c.new_value)};
  return ColumnJson(j);
}

std::vector<FieldChange> ParseChanges(const std::string& text) {
  std::vector<FieldChange> out;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (auto& [field, pair] : j.items()) {
    auto str = [](const nlohmann::ordered_json& v) { return v.is_string() ? v.get<std::string>() : ""; };
    if (pair.is_array() && pair.size() == 2) out.push_back({field, str(pair[0]), str(pair[1])});
  }
  return out;
}

const char* kEventColumns =
    "e.id, e.snapshot_id, e.at, e.kind, e.list, e.key, e.state_code, e.agency, e.model, e.changes, "
    "e.since, e.detail";

StoredEvent ReadEvent(const sql::Statement& st) {
  StoredEvent s;
  s.id = st.Int(0);
  s.snapshot_id = st.Int(1);
  s.at = st.Text(2);
  ParseEventKind(st.Text(3), &s.event.kind);
  ParseListKind(st.Text(4), &s.event.list);
  s.event.key = st.Text(5);
  s.event.state_code = st.Text(6);
  s.event.agency = st.Text(7);
  ParseModel(st.Text(8), &s.event.model);
  s.event.changes = ParseChanges(st.Text(9));
  s.event.since = st.Text(10);
  s.event.detail = st.Text(11);
  return s;
}

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

// An agreement of one list as stored: enough to tell what a new publication changes.
struct StoredAgreement {
  int64_t id = 0;
  std::string key;
  std::string status;
  int64_t version_id = 0;
  int misses = 0;
  std::string digest;  // of the current row version
};

}  // namespace

const char* ToString(SnapshotStatus status) {
  switch (status) {
    case SnapshotStatus::Quarantined: return "quarantined";
    case SnapshotStatus::Late: return "late";
    case SnapshotStatus::Accepted: break;
  }
  return "accepted";
}

Store::Store() = default;
Store::~Store() = default;
const std::string& Store::path() const { return db_->path(); }
int Store::schema_version() const { return schema_version_; }

Status Store::Open(const std::string& path, std::unique_ptr<Store>* out) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) return Status::Error(path + ": cannot create folder " + folder.string() + ": " + ec.message());
  std::unique_ptr<Store> store(new Store());
  Status s = sql::Database::Open(path, &store->db_);
  if (s.ok()) s = store->db_->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                                  "PRAGMA cache_size = -16384;");
  if (s.ok()) s = sql::Migrate(store->db_.get(), &store->schema_version_);
  if (s.ok()) *out = std::move(store);
  return s;
}

Status Store::FindSnapshot(const std::string& sha256, std::optional<SnapshotInfo>* out) {
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns + " FROM snapshots WHERE sha256 = ?");
  st->BindText(1, sha256);
  out->reset();
  if (st->Step()) *out = ReadSnapshot(*st);
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
  if (bytes) *bytes = st->Text(15);
  return Status::Ok();
}

Status Store::LatestAccepted(ListKind list, std::optional<SnapshotInfo>* out) {
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns +
                         " FROM snapshots WHERE list = ? AND status = 'accepted' "
                         "ORDER BY published_at DESC, id DESC LIMIT 1");
  st->BindText(1, ToString(list));
  out->reset();
  if (st->Step()) *out = ReadSnapshot(*st);
  return st->status();
}

Status Store::LoadListState(ListKind list, ListState* out) {
  *out = ListState();
  std::optional<SnapshotInfo> latest;
  Status s = LatestAccepted(list, &latest);
  if (!s.ok()) return s;
  out->has_baseline = latest.has_value();
  if (latest) {
    auto fields = db_->Prepare("SELECT fields FROM snapshots WHERE id = ?");
    fields->Bind(1, latest->id);
    if (fields->Step()) out->fields = SplitFields(fields->Text(0));
    if (!fields->status().ok()) return fields->status();
  }
  auto st = db_->Prepare(std::string("SELECT a.key, a.status, a.misses, a.missing_since, ") +
                         kRowSelect + " FROM agreements a JOIN row_versions v ON v.id = a.version_id "
                         "WHERE a.list = ? AND a.status IN ('present', 'missing')");
  st->BindText(1, ToString(list));
  while (st->Step()) {
    RosterRow row = ReadRow(*st, 4);
    row.key = st->Text(0);
    if (st->Text(1) == "present") {
      out->present.emplace(row.key, std::move(row));
    } else {
      MissingRow m{std::move(row), static_cast<int>(st->Int(2)), st->Text(3)};
      out->missing.emplace(m.row.key, std::move(m));
    }
  }
  return st->status();
}

Status Store::LoadOtherList(ListKind diffing, OtherList* out) {
  *out = OtherList();
  if (diffing == ListKind::Participating) {
    auto st = db_->Prepare(
        "SELECT a.key, s.published_at FROM agreements a JOIN snapshots s ON s.id = a.first_snapshot "
        "WHERE a.list = 'pending'");
    while (st->Step()) out->pending_since[st->Text(0)] = st->Text(1);
    return st->status();
  }
  auto st = db_->Prepare(
      "SELECT key FROM agreements WHERE list = 'participating' AND status IN ('present', 'missing')");
  while (st->Step()) out->participating.insert(st->Text(0));
  return st->status();
}

Status Store::Record(const SnapshotRecord& record, SnapshotStatus status, const ListUpdate& update,
                     int64_t* snapshot_id) {
  const Roster& roster = *record.roster;
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  auto blob = db_->Prepare("INSERT OR IGNORE INTO workbooks (sha256, size, content) VALUES (?, ?, ?)");
  blob->BindText(1, record.sha256).Bind(2, static_cast<int64_t>(record.bytes.size())).BindBlob(3, record.bytes);
  Status s = blob->Run();
  if (!s.ok()) return s;
  ModelCounts counts = CountModels(roster.rows);
  nlohmann::json warnings = nlohmann::json::array();
  for (const Warning& w : roster.warnings)
    warnings.push_back({{"row", w.row}, {"column", w.column}, {"message", w.message}});
  auto snap = db_->Prepare(
      "INSERT INTO snapshots (list, sha256, source_name, source_url, published_at, observed_at, sheet, "
      "rows, jem, tfm, wso, no_model, warnings, status, note, fields) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  snap->BindText(1, ToString(roster.kind)).BindText(2, record.sha256).BindText(3, record.source_name)
      .Bind(4, record.source_url).BindText(5, record.published_at.empty() ? record.observed_at : record.published_at)
      .BindText(6, record.observed_at).BindText(7, roster.sheet)
      .Bind(8, static_cast<int64_t>(roster.rows.size())).Bind(9, int64_t{counts.jem})
      .Bind(10, int64_t{counts.tfm}).Bind(11, int64_t{counts.wso}).Bind(12, int64_t{counts.unknown})
      .BindText(13, ColumnJson(warnings)).BindText(14, ToString(status)).Bind(15, record.note)
      .BindText(16, JoinFields(roster.fields));
  if (!(s = snap->Run()).ok()) return s;
  int64_t id = db_->LastInsertId();
  if (status == SnapshotStatus::Accepted && !(s = WriteRows(id, roster.kind, update)).ok()) return s;
  std::string at = record.published_at.empty() ? record.observed_at : record.published_at;
  if (!(s = WriteEvents(id, at, update.events)).ok()) return s;
  if (!(s = tx.Commit()).ok()) return s;
  if (snapshot_id) *snapshot_id = id;
  return Status::Ok();
}

Status Store::Release(int64_t snapshot_id, const ListUpdate& update) {
  SnapshotInfo info;
  Status s = GetSnapshot(snapshot_id, &info, nullptr);
  if (!s.ok()) return s;
  if (info.status != SnapshotStatus::Quarantined)
    return Status::Error(path() + ": snapshot " + std::to_string(snapshot_id) + " is " +
                         ToString(info.status) + ", not quarantined");
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  auto st = db_->Prepare("UPDATE snapshots SET status = 'accepted', note = COALESCE(note || '; ', '') || "
                         "'accepted by hand' WHERE id = ?");
  st->Bind(1, snapshot_id);
  if (!(s = st->Run()).ok()) return s;
  if (!(s = WriteRows(snapshot_id, info.list, update)).ok()) return s;
  if (!(s = WriteEvents(snapshot_id, info.published_at, update.events)).ok()) return s;
  return tx.Commit();
}

Status Store::AddEvents(int64_t snapshot_id, const std::vector<ChangeEvent>& events) {
  SnapshotInfo info;
  Status s = GetSnapshot(snapshot_id, &info, nullptr);
  if (!s.ok()) return s;
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  auto ids = db_->Prepare("SELECT key, id FROM agreements WHERE list = ?");
  ids->BindText(1, ToString(info.list));
  while (ids->Step()) agreement_ids_[ids->Text(0)] = ids->Int(1);
  if (!(s = ids->status()).ok()) return s;
  if (!(s = WriteEvents(snapshot_id, info.published_at, events)).ok()) return s;
  return tx.Commit();
}

Status Store::WriteRows(int64_t snapshot_id, ListKind list, const ListUpdate& update) {
  std::map<std::string, StoredAgreement> stored;
  auto load = db_->Prepare("SELECT id, key, status, version_id, misses, digest FROM agreements WHERE list = ?");
  load->BindText(1, ToString(list));
  while (load->Step()) {
    StoredAgreement a{load->Int(0), load->Text(1), load->Text(2), load->Int(3),
                      static_cast<int>(load->Int(4)), load->Text(5)};
    stored.emplace(a.key, std::move(a));
  }
  if (!load->status().ok()) return load->status();

  Status s;
  auto rekey = db_->Prepare("UPDATE agreements SET key = ? WHERE id = ?");
  for (const auto& [new_key, old_key] : update.renamed) {
    auto old = stored.find(old_key);
    if (old == stored.end()) continue;
    if (auto taken = stored.find(new_key); taken != stored.end()) {  // an old, removed holder of the key
      std::string archived = new_key + "@" + std::to_string(taken->second.id);
      rekey->BindText(1, archived).Bind(2, taken->second.id);
      if (!(s = rekey->Run()).ok()) return s;
      taken->second.key = archived;
      stored.emplace(archived, std::move(taken->second));
      stored.erase(taken);
    }
    rekey->BindText(1, new_key).Bind(2, old->second.id);
    if (!(s = rekey->Run()).ok()) return s;
    StoredAgreement moved = std::move(old->second);
    stored.erase(old);
    moved.key = new_key;
    stored.emplace(new_key, std::move(moved));
  }

  auto insert_agreement = db_->Prepare(
      "INSERT INTO agreements (list, key, status, first_snapshot) VALUES (?, ?, 'present', ?)");
  auto insert_version = db_->Prepare(std::string("INSERT INTO row_versions (agreement_id, snapshot_id, ") +
                                     kRowColumns + ") VALUES (?, ?, " + kRowPlaceholders + ")");
  auto set_version = db_->Prepare(
      "UPDATE agreements SET version_id = ?, status = 'present', misses = 0, missing_since = NULL, "
      "last_snapshot = NULL, digest = ? WHERE id = ?");
  auto set_present = db_->Prepare(
      "UPDATE agreements SET status = 'present', misses = 0, missing_since = NULL, last_snapshot = NULL WHERE id = ?");
  auto member = db_->Prepare("INSERT INTO snapshot_rows (snapshot_id, agreement_id, version_id, source_row) VALUES (?, ?, ?, ?)");
  for (const auto& [key, row] : update.next.present) {
    auto it = stored.find(key);
    if (it == stored.end()) {
      insert_agreement->BindText(1, ToString(list)).BindText(2, key).Bind(3, snapshot_id);
      if (!(s = insert_agreement->Run()).ok()) return s;
      it = stored.emplace(key, StoredAgreement{db_->LastInsertId(), key, "new", 0, 0, ""}).first;
    }
    StoredAgreement& a = it->second;
    std::string digest = ContentDigest(row);
    if (a.version_id == 0 || a.digest != digest) {
      insert_version->Bind(1, a.id).Bind(2, snapshot_id);
      BindRow(insert_version.get(), 3, row);
      if (!(s = insert_version->Run()).ok()) return s;
      a.version_id = db_->LastInsertId();
      a.digest = digest;
      set_version->Bind(1, a.version_id).BindText(2, digest).Bind(3, a.id);
      if (!(s = set_version->Run()).ok()) return s;
    } else if (a.status != "present") {
      set_present->Bind(1, a.id);
      if (!(s = set_present->Run()).ok()) return s;
    }
    a.status = "present";
    member->Bind(1, snapshot_id).Bind(2, a.id).Bind(3, a.version_id).Bind(4, int64_t{row.source_row});
    if (!(s = member->Run()).ok()) return s;
  }

  // Rows that are gone were last seen in the list's previous accepted snapshot.
  auto previous = db_->Prepare("SELECT MAX(id) FROM snapshots WHERE list = ? AND status = 'accepted' AND id < ?");
  previous->BindText(1, ToString(list)).Bind(2, snapshot_id);
  int64_t last_snapshot = previous->Step() ? previous->Int(0) : 0;
  if (!previous->status().ok()) return previous->status();
  auto set_missing = db_->Prepare(
      "UPDATE agreements SET status = 'missing', misses = ?, missing_since = ?, "
      "last_snapshot = COALESCE(last_snapshot, ?) WHERE id = ?");
  auto set_removed = db_->Prepare(
      "UPDATE agreements SET status = 'removed', last_snapshot = COALESCE(last_snapshot, ?) WHERE id = ?");
  for (auto& [key, a] : stored) {
    if (update.next.present.count(key)) continue;
    auto missing = update.next.missing.find(key);
    if (missing != update.next.missing.end()) {
      if (a.status == "missing" && a.misses == missing->second.misses) continue;
      set_missing->Bind(1, int64_t{missing->second.misses}).BindText(2, missing->second.since)
          .Bind(3, last_snapshot).Bind(4, a.id);
      if (!(s = set_missing->Run()).ok()) return s;
    } else if (a.status == "present" || a.status == "missing") {
      set_removed->Bind(1, last_snapshot).Bind(2, a.id);
      if (!(s = set_removed->Run()).ok()) return s;
    }
  }
  agreement_ids_.clear();
  for (const auto& [key, a] : stored) agreement_ids_[key] = a.id;
  return Status::Ok();
}

Status Store::WriteEvents(int64_t snapshot_id, const std::string& at, const std::vector<ChangeEvent>& events) {
  auto st = db_->Prepare(
      "INSERT INTO events (snapshot_id, at, kind, list, agreement_id, key, state_code, agency, model, "
      "changes, since, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const ChangeEvent& e : events) {
    st->Bind(1, snapshot_id).BindText(2, at).BindText(3, ToString(e.kind)).BindText(4, ToString(e.list));
    auto id = agreement_ids_.find(e.key);
    if (!e.key.empty() && id != agreement_ids_.end()) st->Bind(5, id->second);
    else st->BindNull(5);
    st->Bind(6, e.key).Bind(7, e.state_code).Bind(8, e.agency).Bind(9, ToString(e.model))
        .BindText(10, ChangesJson(e.changes)).Bind(11, e.since).Bind(12, e.detail);
    Status s = st->Run();
    if (!s.ok()) return s;
  }
  agreement_ids_.clear();
  return Status::Ok();
}

namespace {

const char* kFetchColumns =
    "at, url, final_url, status, etag, last_modified, bytes, sha256, outcome, error, snapshot_id";

FetchRecord ReadFetch(const sql::Statement& st) {
  FetchRecord f;
  f.at = st.Text(0);
  f.url = st.Text(1);
  f.final_url = st.Text(2);
  f.status = static_cast<long>(st.Int(3));
  f.etag = st.Text(4);
  f.last_modified = st.Text(5);
  f.bytes = st.Int(6);
  f.sha256 = st.Text(7);
  f.outcome = st.Text(8);
  f.error = st.Text(9);
  f.snapshot_id = st.Int(10);
  return f;
}

}  // namespace

Status Store::RecordFetch(const FetchRecord& f) {
  auto st = db_->Prepare(std::string("INSERT INTO fetches (") + kFetchColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  st->BindText(1, f.at).BindText(2, f.url).Bind(3, f.final_url);
  if (f.status) st->Bind(4, static_cast<int64_t>(f.status));
  else st->BindNull(4);
  st->Bind(5, f.etag).Bind(6, f.last_modified).Bind(7, f.bytes).Bind(8, f.sha256).BindText(9, f.outcome)
      .Bind(10, f.error);
  if (f.snapshot_id) st->Bind(11, f.snapshot_id);
  else st->BindNull(11);
  return st->Run();
}

Status Store::LastGoodFetch(const std::string& url, std::optional<FetchRecord>* out) {
  auto st = db_->Prepare(std::string("SELECT ") + kFetchColumns +
                         " FROM fetches WHERE url = ? AND outcome IN ('ok', 'not_modified', 'duplicate') "
                         "ORDER BY id DESC LIMIT 1");
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
  std::vector<std::string> params;
  if (!filter.since.empty()) {
    sql += " AND e.at >= ?";
    params.push_back(filter.since);
  }
  if (!filter.until.empty()) {
    sql += " AND substr(e.at, 1, length(?)) <= ?";
    params.push_back(filter.until);
    params.push_back(filter.until);
  }
  if (!filter.state_code.empty()) {
    sql += " AND e.state_code = ?";
    params.push_back(filter.state_code);
  }
  if (!filter.list.empty()) {
    sql += " AND e.list = ?";
    params.push_back(filter.list);
  }
  if (filter.model != Model::Unknown) {
    sql += " AND e.model = ?";
    params.push_back(ToString(filter.model));
  }
  if (!filter.kinds.empty()) {
    sql += " AND e.kind IN (";
    for (size_t i = 0; i < filter.kinds.size(); ++i) {
      sql += i ? ", ?" : "?";
      params.push_back(ToString(filter.kinds[i]));
    }
    sql += ")";
  }
  sql += " ORDER BY e.at DESC, e.id DESC";
  auto st = db_->Prepare(sql);
  for (size_t i = 0; i < params.size(); ++i) st->BindText(static_cast<int>(i + 1), params[i]);
  while (st->Step()) out->push_back(ReadEvent(*st));
  return st->status();
}

Status Store::FindAgreements(const std::string& text, std::vector<AgreementHistory>* out) {
  out->clear();
  auto st = db_->Prepare(std::string("SELECT a.id, a.list, a.key, a.status, s.first_seen, s.last_seen, ") +
                         kRowSelect + " FROM agreements a JOIN agreement_summary s ON s.id = a.id "
                         "JOIN row_versions v ON v.id = a.version_id WHERE a.id IN "
                         "(SELECT agreement_id FROM row_versions WHERE agency LIKE '%' || ? || '%') "
                         "ORDER BY a.list DESC, v.state_code, v.agency, v.model");
  st->BindText(1, text);
  while (st->Step()) {
    AgreementHistory h;
    h.id = st->Int(0);
    ParseListKind(st->Text(1), &h.list);
    h.key = st->Text(2);
    h.status = st->Text(3);
    h.first_seen = st->Text(4);
    h.last_seen = st->Text(5);
    h.current = ReadRow(*st, 6);
    out->push_back(std::move(h));
  }
  if (!st->status().ok()) return st->status();
  auto events = db_->Prepare(std::string("SELECT ") + kEventColumns +
                             " FROM events e WHERE e.agreement_id = ? ORDER BY e.at, e.id");
  for (AgreementHistory& h : *out) {
    events->Bind(1, h.id);
    while (events->Step()) h.events.push_back(ReadEvent(*events));
    if (!events->status().ok()) return events->status();
    events->Reset();
  }
  return Status::Ok();
}

Status Store::CountsAt(ListKind list, const std::string& at, std::optional<SnapshotInfo>* snapshot,
                       std::vector<Count>* counts) {
  snapshot->reset();
  counts->clear();
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns +
                         " FROM snapshots WHERE list = ? AND status = 'accepted' "
                         "AND substr(published_at, 1, length(?)) <= ? ORDER BY published_at DESC, id DESC LIMIT 1");
  st->BindText(1, ToString(list)).BindText(2, at).BindText(3, at);
  if (st->Step()) *snapshot = ReadSnapshot(*st);
  if (!st->status().ok() || !snapshot->has_value()) return st->status();
  auto rows = db_->Prepare(
      "SELECT v.state_code, v.model, COUNT(*) FROM snapshot_rows r JOIN row_versions v ON v.id = r.version_id "
      "WHERE r.snapshot_id = ? GROUP BY v.state_code, v.model ORDER BY v.state_code, v.model");
  rows->Bind(1, (*snapshot)->id);
  while (rows->Step()) {
    Count c;
    c.state_code = rows->Text(0);
    ParseModel(rows->Text(1), &c.model);
    c.rows = static_cast<int>(rows->Int(2));
    counts->push_back(c);
  }
  return rows->status();
}

}  // namespace icetrack
