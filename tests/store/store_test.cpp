#include <doctest/doctest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <set>

#include "diff/row_changes.h"
#include "store/store.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

RosterRow Row(const std::string& state, const std::string& name, Model model) {
  RosterRow r;
  r.state_code = state;
  r.state = state;
  r.agency = name;
  r.model = model;
  r.signed_date = "2025-03-01";
  r.moa_status = LinkStatus::Link;
  r.moa_url = "https://www.ice.gov/" + name + ".pdf";
  r.extra = {{"NOTES", "x"}};
  r.key = state + "|" + name + "|" + ToString(model);
  return r;
}

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<Store> store;
  Roster roster;
  PackedRoster packed;  // what RecordOf records: `roster` as it stands
  std::deque<std::string> bytes;  // what the records of RecordOf point at
  Fixture() {
    REQUIRE(Store::Open(dir.File("state/icetrack.db"), &store).ok());
    roster.kind = ListKind::Participating;
    roster.sheet = "Sheet1";
    roster.fields = {"state", "agency", "model", "signed", "moa"};
  }
  // A record of `roster` as it stands, for bytes `bytes` published at `at`.
  SnapshotRecord RecordOf(const std::string& bytes, const std::string& at) {
    SnapshotRecord record;
    record.bytes = this->bytes.emplace_back(bytes);
    record.sha256 = Sha256Hex(bytes);
    record.source_name = "list-" + at + ".xlsx";
    record.published_at = record.observed_at = at;
    packed = Pack(roster);
    record.roster = &packed;
    return record;
  }
  // Records `rows` as an accepted publication with `events`.
  int64_t Publish(std::vector<RosterRow> rows, const std::string& at, std::vector<ChangeEvent> events = {},
                  std::map<std::string, std::string> rekeyed = {}) {
    roster.rows = std::move(rows);
    SnapshotRecord record = RecordOf("PK workbook " + at, at);
    ListUpdate update;
    for (const RosterRow& r : roster.rows) update.next.present.Put(r);
    update.events = std::move(events);
    update.rekeyed = std::move(rekeyed);
    int64_t id = 0;
    Status s = store->Record(record, SnapshotStatus::Accepted, update, &id);
    REQUIRE_MESSAGE(s.ok(), s.message());
    return id;
  }
  int64_t Rows(const std::string& table) {
    sqlite3* db = nullptr;
    sqlite3_open(dir.File("state/icetrack.db").c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, ("SELECT COUNT(*) FROM " + table).c_str(), -1, &st, nullptr);
    sqlite3_step(st);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
  }
};

// The agreements whose agency or county holds `text`.
AgreementQuery Named(const std::string& text) {
  AgreementQuery q;
  q.text = text;
  return q;
}

UtcTime Time(const char* iso) {
  UtcTime t;
  REQUIRE(ParseIsoTime(iso, &t));
  return t;
}

ChangeEvent Event(EventKind kind, const RosterRow& row) { return EventFor(kind, ListKind::Participating, row); }

TEST_CASE("a new database is created with its folder, in WAL mode, at the current schema") {
  Fixture f;
  CHECK(std::filesystem::exists(f.dir.File("state/icetrack.db")));
  CHECK(f.store->schema_version() == 10);
  sqlite3* db = nullptr;
  sqlite3_open(f.dir.File("state/icetrack.db").c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_CASE("a database from a newer icetrack is refused") {
  test::TempDir dir;
  sqlite3* db = nullptr;
  sqlite3_open(dir.File("new.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA application_id = 1768121716; PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir.File("new.db"), &store);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == dir.File("new.db") + ": database schema 99 is newer than this icetrack understands (10); upgrade icetrack");
}

TEST_CASE("the default location follows systemd, then XDG, then HOME — ICETRACK_DB overrides") {
  auto keep = [](const char* name) { const char* v = std::getenv(name); return std::string(v ? v : ""); };
  std::string home = keep("HOME"), xdg = keep("XDG_STATE_HOME"), state = keep("STATE_DIRECTORY"), db = keep("ICETRACK_DB");
  unsetenv("ICETRACK_DB");
  unsetenv("STATE_DIRECTORY");
  unsetenv("XDG_STATE_HOME");
  setenv("HOME", "/home/ada", 1);
  CHECK(DefaultDatabasePath() == "/home/ada/.local/state/icetrack/icetrack.db");
  setenv("XDG_STATE_HOME", "/xdg", 1);
  CHECK(DefaultDatabasePath() == "/xdg/icetrack/icetrack.db");
  setenv("STATE_DIRECTORY", "/var/lib/icetrack:/var/lib/other", 1);
  CHECK(DefaultDatabasePath() == "/var/lib/icetrack/icetrack.db");
  setenv("ICETRACK_DB", "/tmp/x.db", 1);
  CHECK(DefaultDatabasePath() == "/tmp/x.db");
  auto restore = [](const char* name, const std::string& v) { v.empty() ? unsetenv(name) : setenv(name, v.c_str(), 1); };
  restore("HOME", home);
  restore("XDG_STATE_HOME", xdg);
  restore("STATE_DIRECTORY", state);
  restore("ICETRACK_DB", db);
}

TEST_CASE("SHA-256 in hex") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("rows, snapshots and events round-trip") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM);
  int64_t first = f.Publish({a, b}, "2025-03-01T10:00:00Z", {Event(EventKind::Baseline, RosterRow())});
  CHECK(first == 1);
  std::shared_ptr<const ListState> state;
  REQUIRE(f.store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state->has_baseline);
  REQUIRE(state->present.size() == 2);
  CHECK(state->present.at(a.key).agency == "polk");
  CHECK(state->present.at(a.key).extra == a.extra);
  CHECK(state->fields.count("signed") == 1);
  std::optional<SnapshotInfo> found;
  REQUIRE(f.store->FindSnapshot(Sha256Hex("PK workbook 2025-03-01T10:00:00Z"), &found).ok());
  REQUIRE(found);
  CHECK(found->rows == 2);
  CHECK(found->jem == 1);
  CHECK(found->tfm == 1);
  SnapshotInfo info;
  std::string bytes;
  REQUIRE(f.store->GetSnapshot(first, &info, &bytes).ok());
  CHECK(bytes == "PK workbook 2025-03-01T10:00:00Z");
  // An unchanged row keeps its version: only a changed one gets a new one.
  RosterRow b2 = b;
  b2.county = "Hays County";
  f.Publish({a, b2}, "2025-03-02T10:00:00Z", {Event(EventKind::Corrected, b2)});
  CHECK(f.Rows("row_versions") == 3);
  CHECK(f.Rows("snapshot_rows") == 4);
  CHECK(f.Rows("agreements") == 2);
}

TEST_CASE("missing and removed states are recorded as the diff decided — a rename keeps the agreement") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM);
  f.Publish({a, b}, "t1");
  // b goes missing.
  f.roster.rows = {a};
  SnapshotRecord record = f.RecordOf("PK 2", "t2");
  ListUpdate update;
  update.next.present.Put(a);
  update.next.missing[b.key] = MissingRow{b, 1, "t2"};
  update.events = {Event(EventKind::Missing, b)};
  REQUIRE(f.store->Record(record, SnapshotStatus::Accepted, update, nullptr).ok());
  std::shared_ptr<const ListState> state;
  REQUIRE(f.store->LoadListState(ListKind::Participating, &state).ok());
  REQUIRE(state->missing.count(b.key) == 1);
  CHECK(state->missing.at(b.key).misses == 1);
  CHECK(state->missing.at(b.key).since == "t2");
  // a renamed: same agreement, new key.
  RosterRow a2 = Row("FL", "polk county", Model::JEM);
  std::vector<AgreementHistory> before;
  REQUIRE(f.store->FindAgreements(Named("polk"), &before).ok());
  REQUIRE(before.size() == 1);
  f.roster.rows = {a2};
  update = ListUpdate();
  update.next.present.Put(a2);
  update.next.removed[b.key] = RemovedRow{b, "t2", "t3"};
  update.rekeyed = {{a2.key, a.key}};
  update.events = {Event(EventKind::Renamed, a2), Event(EventKind::Removed, b)};
  REQUIRE(f.store->Record(f.RecordOf("PK 3", "t3"), SnapshotStatus::Accepted, update, nullptr).ok());
  std::vector<AgreementHistory> after;
  REQUIRE(f.store->FindAgreements(Named("POLK"), &after).ok());
  REQUIRE(after.size() == 1);
  CHECK(after[0].id == before[0].id);
  CHECK(after[0].key == a2.key);
  CHECK(after[0].events.size() == 1);
  CHECK(after[0].events[0].event.kind == EventKind::Renamed);
  std::vector<AgreementHistory> hays;
  REQUIRE(f.store->FindAgreements(Named("hays"), &hays).ok());
  CHECK(hays[0].status == AgreementStatus::Removed);
  REQUIRE(f.store->LoadListState(ListKind::Participating, &state).ok());
  REQUIRE(state->removed.count(b.key) == 1);
  CHECK(state->removed.at(b.key).removed_at == "t3");
  CHECK(state->removed.at(b.key).since == "t2");
  CHECK(state->removed.at(b.key).row.agency == "hays");
}

TEST_CASE("the store refuses an update that names an agreement it does not hold") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), ghost = Row("TX", "ghost", Model::TFM);
  f.Publish({a}, "t1");
  ListUpdate update;
  update.next.present.Put(a);
  update.next.missing[ghost.key] = MissingRow{ghost, 1, "t2"};
  Status s = f.store->Record(f.RecordOf("PK 2", "t2"), SnapshotStatus::Accepted, update, nullptr);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("TX|ghost|TFM") != std::string::npos);
  CHECK(f.Rows("snapshots") == 1);
}

TEST_CASE("a retired agreement keeps its history under another key — the new one takes the key") {
  Fixture f;
  RosterRow old = Row("WI", "walworth", Model::WSO), other = Row("WI", "other", Model::JEM);
  f.Publish({old, other}, "t1");
  ListUpdate gone;
  gone.next.present.Put(other);
  gone.next.removed[old.key] = RemovedRow{old, "t2", "t2"};
  gone.events = {Event(EventKind::Removed, old)};
  f.roster.rows = {other};
  REQUIRE(f.store->Record(f.RecordOf("PK 2", "t2"), SnapshotStatus::Accepted, gone, nullptr).ok());
  RosterRow again = old;
  again.signed_date = "2026-02-20";
  ListUpdate back;
  back.next.present.Put(again);
  back.next.present.Put(other);
  back.retired = {old.key};
  back.events = {Event(EventKind::Signed, again)};
  f.roster.rows = {again, other};
  REQUIRE(f.store->Record(f.RecordOf("PK 3", "t3"), SnapshotStatus::Accepted, back, nullptr).ok());
  std::vector<AgreementHistory> found;
  REQUIRE(f.store->FindAgreements(Named("walworth"), &found).ok());
  REQUIRE(found.size() == 2);
  AgreementHistory* now = found[0].key == old.key ? &found[0] : &found[1];
  AgreementHistory* earlier = now == &found[0] ? &found[1] : &found[0];
  CHECK(now->status == AgreementStatus::Present);
  CHECK(now->current.signed_date == "2026-02-20");
  REQUIRE(now->events.size() == 1);
  CHECK(now->events[0].event.kind == EventKind::Signed);
  CHECK(earlier->key == old.key + "@" + std::to_string(earlier->id));
  CHECK(earlier->status == AgreementStatus::Removed);
  CHECK(earlier->current.signed_date == "2025-03-01");
  REQUIRE(earlier->events.size() == 1);
  CHECK(earlier->events[0].event.kind == EventKind::Removed);
}

TEST_CASE("a failed Record leaves the database as it was") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM);
  f.Publish({a}, "t1");
  int64_t snapshots = f.Rows("snapshots"), events = f.Rows("events"), versions = f.Rows("row_versions");
  // The same bytes again violate snapshots.sha256 UNIQUE half-way through.
  SnapshotRecord record = f.RecordOf("PK workbook t1", "t2");
  ListUpdate update;
  update.events = {Event(EventKind::Signed, a)};
  CHECK_FALSE(f.store->Record(record, SnapshotStatus::Accepted, update, nullptr).ok());
  CHECK(f.Rows("snapshots") == snapshots);
  CHECK(f.Rows("events") == events);
  CHECK(f.Rows("row_versions") == versions);
}

TEST_CASE("quarantined snapshots keep their bytes and change no agreement until released") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM);
  f.Publish({a}, "t1");
  f.roster.rows = {};
  SnapshotRecord record = f.RecordOf("PK empty", "t2");
  record.note = "the workbook has a header but no rows";
  ListUpdate suspicious;
  ChangeEvent e;
  e.kind = EventKind::SuspiciousSnapshot;
  e.detail = record.note;
  suspicious.events = {e};
  int64_t id = 0;
  REQUIRE(f.store->Record(record, SnapshotStatus::Quarantined, suspicious, &id).ok());
  std::shared_ptr<const ListState> state;
  REQUIRE(f.store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state->present.size() == 1);
  std::optional<SnapshotInfo> latest;
  REQUIRE(f.store->LatestAccepted(ListKind::Participating, &latest).ok());
  CHECK(latest->id == 1);
  ListUpdate release;
  release.events = {Event(EventKind::Missing, a)};
  release.next.missing[a.key] = MissingRow{a, 1, "t2"};
  REQUIRE(f.store->Release(id, release).ok());
  REQUIRE(f.store->LatestAccepted(ListKind::Participating, &latest).ok());
  CHECK(latest->id == id);
  CHECK_FALSE(f.store->Release(id, release).ok());  // only once
}

TEST_CASE("the change log filters by date, state, model and kind, newest first") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM), c = Row("FL", "lee", Model::WSO);
  f.Publish({a}, "2025-03-01T10:00:00Z", {Event(EventKind::Baseline, RosterRow())});
  f.Publish({a, b}, "2025-04-01T10:00:00Z", {Event(EventKind::Signed, b)});
  f.Publish({a, b, c}, "2025-05-01T10:00:00Z", {Event(EventKind::Signed, c)});
  std::vector<StoredEvent> events;
  REQUIRE(f.store->Events(EventFilter(), &events).ok());
  REQUIRE(events.size() == 3);
  CHECK(events[0].event.key == c.key);
  CHECK(events[2].event.kind == EventKind::Baseline);
  EventFilter filter;
  filter.state_code = "FL";
  REQUIRE(f.store->Events(filter, &events).ok());
  CHECK(events.size() == 1);
  filter = EventFilter();
  filter.until = Time("2025-04-02T00:00:00Z");  // up to the end of 1 Apr
  REQUIRE(f.store->Events(filter, &events).ok());
  CHECK(events.size() == 2);
  filter.since = Time("2025-04-01T00:00:00Z");
  REQUIRE(f.store->Events(filter, &events).ok());
  REQUIRE(events.size() == 1);
  CHECK(events[0].event.key == b.key);
  filter = EventFilter();
  filter.model = Model::WSO;
  filter.kinds = {EventKind::Signed};
  REQUIRE(f.store->Events(filter, &events).ok());
  REQUIRE(events.size() == 1);
  CHECK(events[0].event.agency == "lee");
  CHECK(events[0].at == "2025-05-01T10:00:00Z");
}

TEST_CASE("the roster as of a date is the latest accepted publication by then, with every field") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM), c = Row("FL", "lee", Model::WSO);
  a.moa_url = "https://www.ice.gov/doclib/polk.pdf";
  a.signed_date = "2025-02-01";
  f.Publish({a, b}, "2025-03-01T10:00:00Z");
  RosterRow a2 = a;
  a2.county = "Polk";  // its row changes in the second publication
  f.Publish({a2, b, c}, "2025-05-19T10:00:00Z");
  std::optional<SnapshotInfo> snapshot;
  std::vector<RosterEntry> rows;
  RosterQuery q;
  q.before = Time("2025-05-19T00:00:00Z");
  REQUIRE(f.store->RosterAt(q, &snapshot, &rows).ok());
  REQUIRE(snapshot);
  CHECK(snapshot->id == 1);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].row.agency == "polk");  // by state, then agency
  CHECK(rows[0].row.moa_url == "https://www.ice.gov/doclib/polk.pdf");
  CHECK(rows[0].row.signed_date == "2025-02-01");
  CHECK(rows[1].row.state_code == "TX");
  q.before = Time("2025-05-20T00:00:00Z");
  REQUIRE(f.store->RosterAt(q, &snapshot, &rows).ok());
  CHECK(snapshot->id == 2);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].row.agency == "lee");
  CHECK(rows[0].first_listed == "2025-05-19T10:00:00Z");
  CHECK(rows[1].row.county == "Polk");
  CHECK(rows[1].first_listed == "2025-03-01T10:00:00Z");  // listed since the first publication
  CHECK(rows[1].last_changed == "2025-05-19T10:00:00Z");  // changed in the second
  CHECK(rows[2].last_changed == "2025-03-01T10:00:00Z");
  q.state_code = "FL";
  q.model = Model::WSO;
  REQUIRE(f.store->RosterAt(q, &snapshot, &rows).ok());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].row.agency == "lee");
  q = RosterQuery();
  q.before = Time("2024-01-02T00:00:00Z");
  REQUIRE(f.store->RosterAt(q, &snapshot, &rows).ok());
  CHECK_FALSE(snapshot);
  CHECK(rows.empty());
  // SQL users get the newest publication's rows from the view.
  CHECK(test::QueryInt(f.store->path(), "SELECT COUNT(*) FROM current_roster WHERE list = 'participating'") == 3);
  std::string county;
  test::QueryInt(f.store->path(), "SELECT county FROM current_roster WHERE agency = 'polk'", &county);
  CHECK(county == "Polk");
}

TEST_CASE("fetches are recorded, and the last good one gives the validators") {
  Fixture f;
  FetchRecord ok;
  ok.at = "t1";
  ok.url = "https://www.ice.gov/identify-and-arrest/287g";
  ok.status = 200;
  ok.etag = "\"abc\"";
  ok.last_modified = "Wed, 21 Oct 2025 07:28:00 GMT";
  ok.outcome = FetchOutcome::Ok;
  ok.links = {"https://www.ice.gov/a.xlsx", "https://www.ice.gov/b.xlsx"};
  REQUIRE(f.store->RecordFetch(ok).ok());
  FetchRecord bad = ok;
  bad.at = "t2";
  bad.status = 503;
  bad.etag = "";
  bad.outcome = FetchOutcome::Error;
  bad.error = "HTTP 503 after 4 attempts";
  REQUIRE(f.store->RecordFetch(bad).ok());
  std::optional<FetchRecord> last;
  REQUIRE(f.store->LastGoodFetch(ok.url, &last).ok());
  REQUIRE(last);
  CHECK(last->etag == "\"abc\"");
  CHECK(last->links == ok.links);
  CHECK(last->outcome == FetchOutcome::Ok);
  FetchRecord incomplete = ok;
  incomplete.at = "t3";
  incomplete.etag = "\"cut\"";
  incomplete.outcome = FetchOutcome::Incomplete;
  REQUIRE(f.store->RecordFetch(incomplete).ok());
  REQUIRE(f.store->LastGoodFetch(ok.url, &last).ok());
  CHECK(last->etag == "\"abc\"");  // an incomplete fetch never gives validators
  std::vector<FetchRecord> all;
  REQUIRE(f.store->Fetches(10, &all).ok());
  REQUIRE(all.size() == 3);
  CHECK(all[1].error == "HTTP 503 after 4 attempts");
  CHECK(all[1].status == 503);
  CHECK(all[1].links == ok.links);
}

TEST_CASE("an event's uid is derived from the event: the same in two databases, distinct within one") {
  Fixture one, two;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM);
  for (Fixture* f : {&one, &two}) {
    f->Publish({a}, "2025-03-01T10:00:00Z", {Event(EventKind::Baseline, RosterRow())});
    f->Publish({a, b}, "2025-04-01T10:00:00Z", {Event(EventKind::Signed, b), Event(EventKind::Corrected, b),
                                                Event(EventKind::Corrected, b)});
  }
  std::vector<StoredEvent> x, y;
  REQUIRE(one.store->Events(EventFilter(), &x).ok());
  REQUIRE(two.store->Events(EventFilter(), &y).ok());
  REQUIRE(x.size() == 4);
  std::set<std::string> uids;
  for (size_t i = 0; i < x.size(); ++i) {
    CHECK(x[i].uid.size() == 32);
    CHECK(x[i].uid == y[i].uid);
    uids.insert(x[i].uid);
  }
  CHECK(uids.size() == 4);  // the two corrections of one row in one publication are two events
}

TEST_CASE("events added later to a snapshot get their own uids") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM);
  int64_t id = f.Publish({a}, "2025-03-01T10:00:00Z", {Event(EventKind::Baseline, RosterRow())});
  ChangeEvent mismatch;
  mismatch.kind = EventKind::TotalsMismatch;
  REQUIRE(f.store->AddEvents(id, {mismatch}).ok());
  REQUIRE(f.store->AddEvents(id, {mismatch}).ok());
  std::vector<StoredEvent> events;
  REQUIRE(f.store->Events(EventFilter(), &events).ok());
  REQUIRE(events.size() == 3);
  CHECK(events[0].uid != events[1].uid);
}

// Replays `f`'s snapshots as they were recorded, with `tweak` applied to the events of snapshot 2.
void Replay(Fixture& f, const std::vector<std::vector<RosterRow>>& publications,
            const std::vector<std::vector<ChangeEvent>>& events, std::vector<StoredEvent>* added,
            std::vector<StoredEvent>* gone) {
  std::unique_ptr<Store::Rebuild> rebuild;
  REQUIRE(f.store->BeginRebuild(&rebuild).ok());
  for (size_t i = 0; i < publications.size(); ++i) {
    f.roster.rows = publications[i];
    ListUpdate update;
    for (const RosterRow& r : publications[i]) update.next.present.Put(r);
    update.events = events[i];
    REQUIRE(rebuild->Rerecord(static_cast<int64_t>(i + 1), Pack(f.roster), SnapshotStatus::Accepted, "", update).ok());
  }
  REQUIRE(rebuild->Commit(added, gone).ok());
}

TEST_CASE("a rebuild gives events found again their old ids and says what it added and lost") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM), c = Row("GA", "cobb", Model::WSO);
  f.Publish({a}, "2025-03-01T10:00:00Z", {Event(EventKind::Baseline, RosterRow())});
  f.Publish({a, b}, "2025-04-01T10:00:00Z", {Event(EventKind::Signed, b), Event(EventKind::Renewed, a)});
  f.Publish({a, b, c}, "2025-05-01T10:00:00Z", {Event(EventKind::Signed, c)});
  std::vector<StoredEvent> before;
  REQUIRE(f.store->Events(EventFilter(), &before).ok());
  std::vector<StoredEvent> added, gone;
  // The same history: nothing added, nothing lost, every id kept.
  Replay(f, {{a}, {a, b}, {a, b, c}},
         {{Event(EventKind::Baseline, RosterRow())}, {Event(EventKind::Signed, b), Event(EventKind::Renewed, a)},
          {Event(EventKind::Signed, c)}}, &added, &gone);
  CHECK(added.empty());
  CHECK(gone.empty());
  std::vector<StoredEvent> after;
  REQUIRE(f.store->Events(EventFilter(), &after).ok());
  REQUIRE(after.size() == before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i].id == before[i].id);
    CHECK(after[i].uid == before[i].uid);
  }
  // Under new rules the renewal is a correction: one event gone, one added with a new id.
  Replay(f, {{a}, {a, b}, {a, b, c}},
         {{Event(EventKind::Baseline, RosterRow())},
          {Event(EventKind::Signed, b), Event(EventKind::SignedDateCorrected, a)},
          {Event(EventKind::Signed, c)}}, &added, &gone);
  REQUIRE(added.size() == 1);
  REQUIRE(gone.size() == 1);
  CHECK(added[0].event.kind == EventKind::SignedDateCorrected);
  CHECK(gone[0].event.kind == EventKind::Renewed);
  int64_t max_before = 0;
  for (const StoredEvent& e : before) max_before = std::max(max_before, e.id);
  CHECK(added[0].id > max_before);  // ids are never reused
  CHECK(f.Rows("agreements") == 3);
  CHECK(f.Rows("snapshot_rows") == 6);
}

TEST_CASE("a rebuild that is not committed leaves the database as it was") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM);
  f.Publish({a}, "2025-03-01T10:00:00Z", {Event(EventKind::Baseline, RosterRow())});
  int64_t events = f.Rows("events"), rows = f.Rows("snapshot_rows");
  {
    std::unique_ptr<Store::Rebuild> rebuild;
    REQUIRE(f.store->BeginRebuild(&rebuild).ok());
    CHECK(f.Rows("events") == events);  // others see the old database meanwhile
  }
  CHECK(f.Rows("events") == events);
  CHECK(f.Rows("snapshot_rows") == rows);
  std::optional<SnapshotInfo> latest;
  REQUIRE(f.store->LatestAccepted(ListKind::Participating, &latest).ok());
  CHECK(latest);
}

TEST_CASE("settings are kept: the rules a change log was built under") {
  Fixture f;
  std::map<std::string, std::string> settings;
  REQUIRE(f.store->Settings(&settings).ok());
  CHECK(settings == std::map<std::string, std::string>{{"rules_version", ""}});
  REQUIRE(f.store->SetSettings({{"rules_version", "2.2"}, {"removal_after", "5"}}).ok());
  REQUIRE(f.store->Settings(&settings).ok());
  CHECK(settings == std::map<std::string, std::string>{{"removal_after", "5"}, {"rules_version", "2.2"}});
}

// The tables of schema 2, as icetrack 0.1 wrote them (frozen: a migration test must not follow the code).
const char kSchema2[] = R"sql(
CREATE TABLE workbooks (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL);
CREATE TABLE snapshots (id INTEGER PRIMARY KEY, list TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE REFERENCES workbooks(sha256),
  source_name TEXT NOT NULL, source_url TEXT, published_at TEXT NOT NULL, observed_at TEXT NOT NULL, sheet TEXT NOT NULL,
  rows INTEGER NOT NULL, jem INTEGER NOT NULL, tfm INTEGER NOT NULL, wso INTEGER NOT NULL, no_model INTEGER NOT NULL,
  fields TEXT NOT NULL DEFAULT '', warnings TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL, note TEXT);
CREATE TABLE agreements (id INTEGER PRIMARY KEY, list TEXT NOT NULL, key TEXT NOT NULL, status TEXT NOT NULL,
  first_snapshot INTEGER NOT NULL REFERENCES snapshots(id), missing_since TEXT, misses INTEGER NOT NULL DEFAULT 0,
  last_snapshot INTEGER REFERENCES snapshots(id), version_id INTEGER REFERENCES row_versions(id), digest TEXT,
  UNIQUE (list, key));
CREATE TABLE row_versions (id INTEGER PRIMARY KEY, agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id), key TEXT NOT NULL, state TEXT, state_code TEXT, agency TEXT,
  agency_type TEXT, county TEXT, model TEXT, model_raw TEXT, signed TEXT, signed_raw TEXT, moa_url TEXT,
  moa_status TEXT NOT NULL, addendum_url TEXT, extra TEXT NOT NULL DEFAULT '{}');
CREATE TABLE snapshot_rows (snapshot_id INTEGER NOT NULL, agreement_id INTEGER NOT NULL, version_id INTEGER NOT NULL,
  source_row INTEGER NOT NULL, PRIMARY KEY (snapshot_id, agreement_id)) WITHOUT ROWID;
CREATE TABLE events (id INTEGER PRIMARY KEY, snapshot_id INTEGER NOT NULL REFERENCES snapshots(id), at TEXT NOT NULL,
  kind TEXT NOT NULL, list TEXT NOT NULL, agreement_id INTEGER REFERENCES agreements(id), key TEXT, state_code TEXT,
  agency TEXT, model TEXT, changes TEXT NOT NULL DEFAULT '{}', since TEXT, detail TEXT);
CREATE TABLE fetches (id INTEGER PRIMARY KEY, at TEXT NOT NULL, url TEXT NOT NULL, final_url TEXT, status INTEGER,
  etag TEXT, last_modified TEXT, bytes INTEGER, sha256 TEXT, outcome TEXT NOT NULL, error TEXT,
  snapshot_id INTEGER REFERENCES snapshots(id));
INSERT INTO workbooks VALUES ('aa', 2, 'PK');
INSERT INTO snapshots VALUES (1, 'participating', 'aa', 'a.xlsx', NULL, '2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z',
  'Sheet1', 1, 1, 0, 0, 0, 'state', '[]', 'quarantined', 'x; accepted by hand');
INSERT INTO agreements VALUES (1, 'participating', 'FL|polk|JEM', 'removed', 1, '2025-02-20T10:00:00Z', 3, 1, 1, 'd');
INSERT INTO row_versions VALUES (1, 1, 1, 'FL|polk|JEM', 'FLORIDA', 'FL', 'polk', 'County', NULL, 'JEM',
  'Jail Enforcement Model', '2025-01-01', '45658', NULL, 'none', NULL, '{}');
INSERT INTO snapshot_rows VALUES (1, 1, 1, 4);
INSERT INTO fetches VALUES (1, '2025-03-01T10:00:00Z', 'https://www.ice.gov/287g', NULL, 200, '"v1"',
  'Sat, 01 Mar 2025 10:00:00 GMT', 100, 'aa', 'ok', NULL, NULL);
INSERT INTO events VALUES (7, 1, '2025-03-01T10:00:00Z', 'resigned', 'participating', 1, 'FL|polk|JEM', 'FL', 'polk',
  'JEM', '{}', NULL, NULL);
INSERT INTO events VALUES (9, 1, '2025-03-01T10:00:00Z', 'removed', 'participating', 1, 'FL|polk|JEM', 'FL', 'polk',
  'JEM', '{}', NULL, NULL);
PRAGMA user_version = 2;
)sql";

TEST_CASE("a schema-2 database is migrated: events keep their ids and get their uids") {
  test::TempDir dir;
  sqlite3* db = nullptr;
  sqlite3_open(dir.File("old.db").c_str(), &db);
  REQUIRE(sqlite3_exec(db, kSchema2, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir.File("old.db"), &store);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(store->schema_version() == 10);
  CHECK(test::QueryInt(dir.File("old.db"), "SELECT COUNT(*) FROM current_roster") >= 0);  // the views of 7 are there
  std::vector<StoredEvent> events;
  REQUIRE(store->Events(EventFilter(), &events).ok());
  REQUIRE(events.size() == 2);
  CHECK(events[0].id == 9);
  CHECK(events[1].id == 7);
  CHECK(events[1].event.kind == EventKind::Renewed);  // "resigned" is gone; a rebuild refines it
  CHECK(events[0].uid.size() == 32);
  CHECK(events[0].uid != events[1].uid);
  SnapshotInfo info;
  REQUIRE(store->GetSnapshot(1, &info, nullptr).ok());
  CHECK(info.accepted_by_hand);
  CHECK(info.source == SnapshotSource::Imported);  // 8: no URL, so a file
  CHECK(test::QueryInt(dir.File("old.db"), "SELECT COUNT(*) FROM archive_captures") == 0);
  CHECK(test::QueryInt(dir.File("old.db"), "SELECT COUNT(*) FROM moa_documents") == 0);  // 9
  std::shared_ptr<const ListState> state;
  REQUIRE(store->LoadListState(ListKind::Participating, &state).ok());
  REQUIRE(state->removed.count("FL|polk|JEM") == 1);  // the lifecycle as it was, with when it was confirmed
  CHECK(state->removed.at("FL|polk|JEM").since == "2025-02-20T10:00:00Z");
  CHECK(state->removed.at("FL|polk|JEM").removed_at == "2025-03-01T10:00:00Z");
  std::map<std::string, std::string> settings;
  REQUIRE(store->Settings(&settings).ok());
  CHECK(settings.at("rules_version").empty());  // unknown: the next writer rebuilds
  // Fetches of before knew nothing of a page's links: none may make a request conditional.
  std::optional<FetchRecord> last;
  REQUIRE(store->LastGoodFetch("https://www.ice.gov/287g", &last).ok());
  REQUIRE(last);
  CHECK(last->etag.empty());
  CHECK(last->last_modified.empty());
  store.reset();
  // A snapshot's rows moved into one value (schema 6); SQL users still read them as rows.
  std::string row;
  test::QueryInt(dir.File("old.db"), "SELECT snapshot_id || '|' || agreement_id || '|' || version_id || '|' || "
                                     "source_row FROM snapshot_rows", &row);
  CHECK(row == "1|1|1|4");
  test::QueryInt(dir.File("old.db"), "SELECT members FROM snapshot_members WHERE snapshot_id = 1", &row);
  CHECK(row == "[[1,4]]");
}


TEST_CASE("agreements are found by agency or county, literally, folded like keys, and filtered") {
  Fixture f;
  RosterRow a = Row("FL", "Sheriff\xE2\x80\x99s Office of Polk", Model::JEM), b = Row("TX", "Harris Constable", Model::TFM),
            c = Row("GA", "Cobb 100% Police", Model::WSO);
  b.county = "Harris County";
  f.Publish({a, b, c}, "2025-03-01T10:00:00Z");
  auto find = [&](AgreementQuery q) {
    std::vector<AgreementHistory> found;
    REQUIRE(f.store->FindAgreements(q, &found).ok());
    std::vector<std::string> keys;
    for (const AgreementHistory& h : found) keys.push_back(h.key);
    return keys;
  };
  CHECK(find(Named("sheriff's office")) == std::vector<std::string>{a.key});  // straight apostrophe finds the curly one
  CHECK(find(Named("SHERIFFS")) == std::vector<std::string>{a.key});
  CHECK(find(Named("harris county")) == std::vector<std::string>{b.key});    // by its county
  CHECK(find(Named("100%")) == std::vector<std::string>{c.key});           // literally: % is no wildcard
  CHECK(find(Named("1_0")).empty());                                         // nor is _
  CHECK(find(Named("_")).size() == 3);  // folds to nothing: every agreement (the CLI refuses such a TEXT)
  AgreementQuery in_texas = Named("o");
  in_texas.state_code = "TX";
  CHECK(find(in_texas) == std::vector<std::string>{b.key});
  AgreementQuery wso = Named("o");
  wso.model = Model::WSO;
  CHECK(find(wso) == std::vector<std::string>{c.key});
  AgreementQuery pending = Named("o");
  pending.list = ListKind::Pending;
  CHECK(find(pending).empty());
}

TEST_CASE("a reader never creates, migrates or changes a database") {
  test::TempDir dir;
  std::unique_ptr<Store> store;
  Status missing = Store::OpenReadOnly(dir.File("typo/x.db"), &store);
  CHECK(missing.message() == dir.File("typo/x.db") + ": no icetrack database here");
  CHECK_FALSE(std::filesystem::exists(dir.File("typo")));
  CHECK(Store::OpenReadOnly("", &store).message() == "the database path is empty");
  CHECK(Store::OpenReadOnly(dir.path(), &store).message() == dir.path() + ": is a folder, not a database file");
  test::WriteFile(dir.File("empty.db"), "");
  CHECK(Store::OpenReadOnly(dir.File("empty.db"), &store).message() ==
        dir.File("empty.db") + ": is an empty file, not an icetrack database");
  test::WriteFile(dir.File("notes.db"), "these are my notes, not a database");
  CHECK_FALSE(Store::OpenReadOnly(dir.File("notes.db"), &store).ok());
  CHECK(test::ReadFile(dir.File("notes.db")) == "these are my notes, not a database");
  sqlite3* other = nullptr;
  sqlite3_open(dir.File("other.db").c_str(), &other);
  sqlite3_exec(other, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  CHECK(Store::OpenReadOnly(dir.File("other.db"), &store).message() == dir.File("other.db") + ": is not an icetrack database");
}

TEST_CASE("a database of an older schema is read only after a writer upgraded it") {
  test::TempDir dir;
  sqlite3* db = nullptr;
  sqlite3_open(dir.File("old.db").c_str(), &db);
  REQUIRE(sqlite3_exec(db, kSchema2, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  std::unique_ptr<Store> store;
  CHECK(Store::OpenReadOnly(dir.File("old.db"), &store).message() ==
        dir.File("old.db") + ": was written by an older icetrack (schema 2); a command that writes upgrades it, e.g. "
                             "icetrack rebuild --db " + dir.File("old.db"));
  REQUIRE(Store::Open(dir.File("old.db"), &store).ok());
  store.reset();
  CHECK(Store::OpenReadOnly(dir.File("old.db"), &store).ok());
}

TEST_CASE("a writer makes a new database whole, beside its path, then moves it into place") {
  test::TempDir dir;
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir.File("new/icetrack.db"), &store).ok());
  CHECK_FALSE(std::filesystem::exists(dir.File("new/icetrack.db.new")));
  store.reset();
  std::unique_ptr<Store> reader;
  REQUIRE(Store::OpenReadOnly(dir.File("new/icetrack.db"), &reader).ok());
  CHECK(reader->schema_version() == 10);
  mkfifo(dir.File("pipe.db").c_str(), 0600);
  CHECK(Store::Open(dir.File("pipe.db"), &store).message() ==
        dir.File("pipe.db") + ": is not a regular file (a FIFO or a device?), not a database file");
}

}  // namespace
}  // namespace icetrack
