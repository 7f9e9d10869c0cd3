#include <doctest/doctest.h>

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

#include "diff/row_changes.h"
#include "store/store.h"
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
  Fixture() {
    REQUIRE(Store::Open(dir.File("state/icetrack.db"), &store).ok());
    roster.kind = ListKind::Participating;
    roster.sheet = "Sheet1";
    roster.fields = {"state", "agency", "model", "signed", "moa"};
  }
  // A record of `roster` as it stands, for bytes `bytes` published at `at`.
  SnapshotRecord RecordOf(const std::string& bytes, const std::string& at) {
    SnapshotRecord record;
    record.bytes = bytes;
    record.sha256 = Sha256Hex(bytes);
    record.source_name = "list-" + at + ".xlsx";
    record.published_at = record.observed_at = at;
    record.roster = &roster;
    return record;
  }
  // Records `rows` as an accepted publication with `events`.
  int64_t Publish(std::vector<RosterRow> rows, const std::string& at, std::vector<ChangeEvent> events = {},
                  std::map<std::string, std::string> renamed = {}) {
    roster.rows = std::move(rows);
    SnapshotRecord record = RecordOf("PK workbook " + at, at);
    ListUpdate update;
    for (const RosterRow& r : roster.rows) update.next.present[r.key] = r;
    update.events = std::move(events);
    update.renamed = std::move(renamed);
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

ChangeEvent Event(EventKind kind, const RosterRow& row) { return EventFor(kind, ListKind::Participating, row); }

TEST_CASE("a new database is created with its folder, in WAL mode, at the current schema") {
  Fixture f;
  CHECK(std::filesystem::exists(f.dir.File("state/icetrack.db")));
  CHECK(f.store->schema_version() == 2);
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
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir.File("new.db"), &store);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == dir.File("new.db") + ": database schema 99 is newer than this icetrack understands (2); upgrade icetrack");
}

TEST_CASE("the default location follows systemd, then XDG, then HOME; ICETRACK_DB overrides") {
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
  ListState state;
  REQUIRE(f.store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state.has_baseline);
  REQUIRE(state.present.size() == 2);
  CHECK(state.present.at(a.key).agency == "polk");
  CHECK(state.present.at(a.key).extra == a.extra);
  CHECK(state.fields.count("signed") == 1);
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

TEST_CASE("missing and removed states are kept; a rename keeps the agreement") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM);
  f.Publish({a, b}, "t1");
  // b goes missing.
  f.roster.rows = {a};
  SnapshotRecord record = f.RecordOf("PK 2", "t2");
  ListUpdate update;
  update.next.present[a.key] = a;
  update.next.missing[b.key] = MissingRow{b, 1, "t2"};
  update.events = {Event(EventKind::Missing, b)};
  REQUIRE(f.store->Record(record, SnapshotStatus::Accepted, update, nullptr).ok());
  ListState state;
  REQUIRE(f.store->LoadListState(ListKind::Participating, &state).ok());
  REQUIRE(state.missing.count(b.key) == 1);
  CHECK(state.missing.at(b.key).misses == 1);
  CHECK(state.missing.at(b.key).since == "t2");
  // a renamed: same agreement, new key.
  RosterRow a2 = Row("FL", "polk county", Model::JEM);
  std::vector<AgreementHistory> before;
  REQUIRE(f.store->FindAgreements("polk", &before).ok());
  REQUIRE(before.size() == 1);
  f.Publish({a2}, "t3", {Event(EventKind::Renamed, a2)}, {{a2.key, a.key}});
  std::vector<AgreementHistory> after;
  REQUIRE(f.store->FindAgreements("POLK", &after).ok());
  REQUIRE(after.size() == 1);
  CHECK(after[0].id == before[0].id);
  CHECK(after[0].key == a2.key);
  CHECK(after[0].events.size() == 1);
  CHECK(after[0].events[0].event.kind == EventKind::Renamed);
  std::vector<AgreementHistory> hays;
  REQUIRE(f.store->FindAgreements("hays", &hays).ok());
  CHECK(hays[0].status == "removed");  // neither present nor missing in t3's update
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
  ListState state;
  REQUIRE(f.store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state.present.size() == 1);
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
  filter.until = "2025-04-01";
  REQUIRE(f.store->Events(filter, &events).ok());
  CHECK(events.size() == 2);
  filter.since = "2025-04-01";
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

TEST_CASE("counts as of a date come from the latest snapshot published by then") {
  Fixture f;
  RosterRow a = Row("FL", "polk", Model::JEM), b = Row("TX", "hays", Model::TFM), c = Row("FL", "lee", Model::WSO);
  f.Publish({a, b}, "2025-03-01T10:00:00Z");
  f.Publish({a, b, c}, "2025-05-19T10:00:00Z");
  std::optional<SnapshotInfo> snapshot;
  std::vector<Count> counts;
  REQUIRE(f.store->CountsAt(ListKind::Participating, "2025-05-18", &snapshot, &counts).ok());
  REQUIRE(snapshot);
  CHECK(snapshot->id == 1);
  CHECK(counts.size() == 2);
  REQUIRE(f.store->CountsAt(ListKind::Participating, "2025-05-19", &snapshot, &counts).ok());
  CHECK(snapshot->id == 2);
  int fl = 0;
  for (const Count& c2 : counts) fl += c2.state_code == "FL" ? c2.rows : 0;
  CHECK(fl == 2);
  REQUIRE(f.store->CountsAt(ListKind::Participating, "2024-01-01", &snapshot, &counts).ok());
  CHECK_FALSE(snapshot);
}

TEST_CASE("fetches are recorded, and the last good one gives the validators") {
  Fixture f;
  FetchRecord ok;
  ok.at = "t1";
  ok.url = "https://www.ice.gov/identify-and-arrest/287g";
  ok.status = 200;
  ok.etag = "\"abc\"";
  ok.last_modified = "Wed, 21 Oct 2025 07:28:00 GMT";
  ok.outcome = "ok";
  REQUIRE(f.store->RecordFetch(ok).ok());
  FetchRecord bad = ok;
  bad.at = "t2";
  bad.status = 503;
  bad.etag = "";
  bad.outcome = "error";
  bad.error = "HTTP 503 after 4 attempts";
  REQUIRE(f.store->RecordFetch(bad).ok());
  std::optional<FetchRecord> last;
  REQUIRE(f.store->LastGoodFetch(ok.url, &last).ok());
  REQUIRE(last);
  CHECK(last->etag == "\"abc\"");
  std::vector<FetchRecord> all;
  REQUIRE(f.store->Fetches(10, &all).ok());
  REQUIRE(all.size() == 2);
  CHECK(all[0].error == "HTTP 503 after 4 attempts");
  CHECK(all[0].status == 503);
}

}  // namespace
}  // namespace icetrack
