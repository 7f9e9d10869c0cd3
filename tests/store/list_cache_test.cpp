// The writer's cache of a list (store/list_cache.h) against fresh reads: a
// long made-up history with every kind of churn the diff knows (flaps,
// removals, returns, re-signings that retire a key, renames, corrections,
// extra columns that do not survive JSON as written, the pending list and its
// approvals) is recorded by one Store that keeps its cache, and by one opened
// again for every publication. After each publication the cached state must
// equal what a fresh connection reads, and at the end both databases must
// hold the same change log.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "diff/roster_diff.h"
#include "model/text_fold.h"
#include "store/store.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

std::string RowText(const RosterRow& r) {
  std::string out = r.key + "|" + r.state + "|" + r.state_code + "|" + r.agency + "|" + r.agency_type + "|" +
                    r.county + "|" + ToString(r.model) + "|" + r.model_raw + "|" + r.signed_date + "|" +
                    r.signed_raw + "|" + r.moa_url + "|" + ToString(r.moa_status) + "|" + r.addendum_url + "|" +
                    std::to_string(r.source_row);
  for (const auto& [header, value] : r.extra) out += "|" + header + "=" + value;
  return out;
}

// Every field of a list's state, one line each.
std::string StateText(const ListState& s) {
  std::string out = s.has_baseline ? "baseline\n" : "none\n";
  for (const std::string& f : s.fields) out += "field " + f + "\n";
  for (const PackedRow& packed : s.present) {
    RosterRow row = packed.Unpack();
    out += "present " + row.key + " " + RowText(row) + "\n";
  }
  for (const auto& [key, m] : s.missing)
    out += "missing " + key + " " + std::to_string(m.misses) + " " + m.since + " " + RowText(m.row) + "\n";
  for (const auto& [key, r] : s.removed)
    out += "removed " + key + " " + r.since + " " + r.removed_at + " " + RowText(r.row) + "\n";
  return out;
}

// A small deterministic generator (a 64-bit LCG), so that a failure replays.
struct Dice {
  uint64_t state = 0x9e3779b97f4a7c15ull;
  int Roll(int sides) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((state >> 33) % static_cast<uint64_t>(sides));
  }
};

struct Agency {
  std::string state = "TX", name;
  Model model = Model::JEM;
  std::string signed_date = "2025-03-01", moa;
  int gone_until = -1;  // publication index it comes back at (-1: present)
};

RosterRow RowOf(const Agency& a, int source_row, Dice* dice) {
  RosterRow r;
  r.source_row = source_row;
  r.state = r.state_code = a.state;
  r.agency = a.name;
  r.agency_type = "County";
  r.model = a.model;
  r.model_raw = ToString(a.model);
  r.signed_date = r.signed_raw = a.signed_date;
  r.moa_url = a.moa;
  r.moa_status = a.moa.empty() ? LinkStatus::Pending : LinkStatus::Link;
  r.key = a.state + "|" + FoldForKey(a.name) + "|" + ToString(a.model);
  if (dice->Roll(9) == 0) r.extra = {{"NOTES", "a"}, {"NOTES", "b"}};  // one header twice: JSON keeps one
  if (dice->Roll(13) == 0) r.extra.push_back({"COMMENT", "bad \xff byte"});  // not UTF-8: JSON replaces it
  return r;
}

// Publication `i` of the participating list, its agencies churned first.
Roster Participating(std::vector<Agency>* agencies, int i, Dice* dice) {
  Roster roster;
  roster.kind = ListKind::Participating;
  roster.sheet = "Sheet1";
  roster.fields = {"state", "agency", "type", "model", "signed", "moa"};
  for (Agency& a : *agencies) {
    if (a.gone_until > i) continue;
    a.gone_until = -1;
    switch (dice->Roll(40)) {
      case 0: a.gone_until = i + 1 + dice->Roll(2); continue;  // flaps
      case 1: a.gone_until = i + 6; continue;                  // long enough to be removed
      case 2: a.gone_until = i + 6, a.signed_date = "2026-0" + std::to_string(1 + dice->Roll(9)) + "-01"; continue;
      case 3: a.name += "s"; break;                            // a rename
      case 4: a.state = a.state == "TX" ? "OK" : "TX"; break;  // a correction
      case 5: a.moa = "https://www.ice.gov/moa/" + std::to_string(dice->Roll(1000)) + ".pdf"; break;
      case 6: a.signed_date = "2025-0" + std::to_string(1 + dice->Roll(9)) + "-15"; break;
      default: break;
    }
    roster.rows.push_back(RowOf(a, static_cast<int>(roster.rows.size()) + 2, dice));
  }
  return roster;
}

Roster Pending(const std::vector<Agency>& applicants, int i, Dice* dice) {
  Roster roster;
  roster.kind = ListKind::Pending;
  roster.sheet = "Sheet 1";
  roster.fields = {"state", "agency", "type", "model"};
  for (size_t k = 0; k < applicants.size(); ++k) {
    if ((static_cast<int>(k) + i) % 7 == 0 || dice->Roll(10) == 0) continue;
    RosterRow r = RowOf(applicants[k], static_cast<int>(roster.rows.size()) + 2, dice);
    r.signed_date = r.signed_raw = r.moa_url = "";
    r.moa_status = LinkStatus::None;
    roster.rows.push_back(r);
  }
  return roster;
}

// Diffs `roster` against what `store` holds and records it, as ingest does;
// the status of the recording (routes that name no event make it fail).
Status TryRecord(Store* store, const Roster& roster, const std::string& at, const std::vector<AlertRoute>& routes) {
  std::shared_ptr<const ListState> previous;
  OtherList other;
  REQUIRE(store->LoadListState(roster.kind, &previous).ok());
  REQUIRE(store->LoadOtherList(roster.kind, &other).ok());
  DiffOptions options;
  options.removal_after = 2;
  options.removal_after_days = 1;
  PackedRoster packed = Pack(roster);
  ListUpdate update = DiffRoster(*previous, packed, at, other, options);
  SnapshotRecord record;
  const std::string bytes = std::string("PK ") + ToString(roster.kind) + " " + at;
  record.bytes = bytes;
  record.sha256 = Sha256Hex(record.bytes);
  record.source_name = std::string(ToString(roster.kind)) + at + ".xlsx";
  record.published_at = record.observed_at = at;
  record.roster = &packed;
  return store->Record(record, SnapshotStatus::Accepted, update, nullptr, routes);
}

void Record(Store* store, const Roster& roster, const std::string& at) {
  Status s = TryRecord(store, roster, at, {});
  REQUIRE_MESSAGE(s.ok(), s.message());
}

std::string Loaded(const std::string& path, ListKind list) {
  std::unique_ptr<Store> fresh;
  REQUIRE(Store::OpenReadOnly(path, &fresh).ok());
  std::shared_ptr<const ListState> state;
  REQUIRE(fresh->LoadListState(list, &state).ok());
  return StateText(*state);
}

TEST_CASE("a writer's cached list state is what a fresh read gives, after every publication of a churning history") {
  test::TempDir dir;
  const std::string cached_db = dir.File("cached.db"), fresh_db = dir.File("fresh.db");
  std::unique_ptr<Store> cached;
  REQUIRE(Store::Open(cached_db, &cached).ok());
  std::vector<Agency> agencies, applicants;
  for (int k = 0; k < 60; ++k) {
    Agency a;
    a.name = "Agency " + std::to_string(k) + " Sheriff";
    a.state = k % 3 ? "TX" : "FL";
    a.model = k % 2 ? Model::JEM : Model::TFM;
    (k < 45 ? agencies : applicants).push_back(a);
  }
  Dice dice;
  int retired = 0;
  for (int i = 0; i < 120; ++i) {
    CAPTURE(i);
    char at[32];
    std::snprintf(at, sizeof at, "2025-%02d-%02dT10:00:00Z", 3 + i / 28, 1 + i % 28);  // one a day
    Roster roster;
    if (i % 3 == 2) {
      roster = Pending(applicants, i, &dice);
      if (dice.Roll(2) == 0) agencies.push_back(applicants[static_cast<size_t>(dice.Roll(15))]);  // approved
    } else {
      roster = Participating(&agencies, i, &dice);
    }
    Record(cached.get(), roster, at);
    std::unique_ptr<Store> reopened;
    REQUIRE(Store::Open(fresh_db, &reopened).ok());
    Record(reopened.get(), roster, at);
    for (ListKind list : {ListKind::Participating, ListKind::Pending}) {
      std::shared_ptr<const ListState> state;
      REQUIRE(cached->LoadListState(list, &state).ok());
      CHECK(StateText(*state) == Loaded(cached_db, list));
    }
    retired = static_cast<int>(test::QueryInt(cached_db, "SELECT count(*) FROM agreements WHERE key LIKE '%@%'"));
  }
  CHECK(retired > 0);  // the history did retire keys, where the cache is dropped and read again
  for (const char* kind : {"renamed", "corrected", "removed", "reappeared", "signed", "approved"})
    CHECK_MESSAGE(test::QueryInt(cached_db, std::string("SELECT count(*) FROM events WHERE kind = '") + kind + "'") > 0,
                  kind);
  cached.reset();
  CHECK(test::DumpTables(cached_db, test::ChangeLogTables()) == test::DumpTables(fresh_db, test::ChangeLogTables()));
}

// A store that has recorded one small roster twice, so that it holds a cache of it.
struct Cached {
  test::TempDir dir;
  const std::string db = dir.File("icetrack.db");
  std::unique_ptr<Store> store;
  Roster roster;
  explicit Cached(size_t agencies_count) {
    REQUIRE(Store::Open(db, &store).ok());
    Dice dice;
    std::vector<Agency> agencies(agencies_count);
    for (size_t k = 0; k < agencies.size(); ++k) agencies[k].name = "Agency " + std::to_string(k);
    roster = Participating(&agencies, 0, &dice);
    Record(store.get(), roster, "2025-03-01T10:00:00Z");
    Record(store.get(), roster, "2025-03-02T10:00:00Z");  // now cached
  }
};

TEST_CASE("a writer's cached list state is read again once another connection has written") {
  Cached f(3);
  const std::string& db = f.db;
  Store* store = f.store.get();
  REQUIRE(test::RunSql(db, "UPDATE row_versions SET agency = 'Changed elsewhere'"));
  std::shared_ptr<const ListState> state;
  REQUIRE(store->LoadListState(ListKind::Participating, &state).ok());
  REQUIRE(!state->present.empty());
  for (const PackedRow& row : state->present) CHECK(row.Unpack().agency == "Changed elsewhere");
  CHECK(StateText(*state) == Loaded(db, ListKind::Participating));
}

// (The cache of a failed write would also be refused for naming a snapshot
// the database does not hold; the rebuild below is the case where only the
// rollback tells them apart.)
TEST_CASE("a write that fails leaves no cache behind: the state is what the rolled-back database holds") {
  Cached f(4);
  const std::string& db = f.db;
  Store* store = f.store.get();
  const Roster& first = f.roster;
  Roster second = first;
  second.rows.pop_back();
  second.rows.front().moa_url = "https://www.ice.gov/moa/changed.pdf";
  // Its rows are written, then a route that names no event fails the transaction.
  CHECK_FALSE(TryRecord(store, second, "2025-03-03T10:00:00Z", {{99, "nowhere"}}).ok());
  std::shared_ptr<const ListState> state;
  REQUIRE(store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state->present.size() == first.rows.size());
  CHECK(StateText(*state) == Loaded(db, ListKind::Participating));
  Record(store, second, "2025-03-03T10:00:00Z");  // and the same publication then goes in whole
  REQUIRE(store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state->present.size() == second.rows.size());
  CHECK(StateText(*state) == Loaded(db, ListKind::Participating));
}

TEST_CASE("a rebuild rolled back leaves no cache behind") {
  Cached f(3);
  const std::string& db = f.db;
  Store* store = f.store.get();
  const Roster& roster = f.roster;
  const std::string before = Loaded(db, ListKind::Participating);
  {
    std::unique_ptr<Store::Rebuild> rebuild;
    REQUIRE(store->BeginRebuild(&rebuild).ok());
    Roster fewer = roster;
    fewer.rows.pop_back();
    ListUpdate update;
    for (const RosterRow& r : fewer.rows) update.next.present.Put(r);
    update.next.has_baseline = true;
    REQUIRE(rebuild->Rerecord(1, Pack(fewer), SnapshotStatus::Accepted, "", update).ok());
    // The latest snapshot again, as the database outside the rebuild also has it: only the rollback tells them apart.
    REQUIRE(rebuild->Rerecord(2, Pack(fewer), SnapshotStatus::Accepted, "", update).ok());
  }  // not committed
  std::shared_ptr<const ListState> state;
  REQUIRE(store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state->present.size() == roster.rows.size());
  CHECK(StateText(*state) == before);
}

}  // namespace
}  // namespace icetrack
