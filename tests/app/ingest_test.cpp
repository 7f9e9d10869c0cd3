// Ingest, end to end on real workbooks (written here with libxlsxwriter) and
// a real SQLite file: every event kind, quarantine, late and duplicate files,
// and bad input that must leave the store exactly as it was.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "app/ingest.h"
#include "app/rebuild.h"
#include "model/utc_time.h"
#include "diff/roster_diff.h"
#include "parser/xlsx_reader.h"
#include "tests/support/fixtures.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using test::IceRow;
using test::IceWorkbook;

struct Tracker {
  test::TempDir dir;
  std::unique_ptr<Store> store;
  IngestOptions options;
  int day = 0;
  Tracker() { REQUIRE(Store::Open(dir.File("icetrack.db"), &store).ok()); }

  // Publishes `book` one day after the previous publication and ingests it.
  IngestOutcome Publish(IceWorkbook book) {
    ++day;
    if (!book.modified) book.modified = test::UnixTime(2026, 1, day);
    std::string path = dir.File("book" + std::to_string(day) + ".xlsx");
    test::WriteIceWorkbook(path, book);
    IngestInput input;
    input.bytes = test::ReadFile(path);
    input.source_name = std::filesystem::path(path).filename().string();
    IngestOutcome out;
    Status s = Ingest(store.get(), input, options, &out);
    REQUIRE_MESSAGE(s.ok(), s.message());
    if (out.result == Placement::Accepted) CHECK(Reconciles(out.list, out.events, out.previous_rows, out.rows));
    return out;
  }
  IngestOutcome Participating(std::vector<IceRow> rows) {
    IceWorkbook book;
    book.rows = std::move(rows);
    return Publish(book);
  }
  IngestOutcome Pending(std::vector<IceRow> rows) {
    IceWorkbook book;
    book.participating = false;
    book.sheet = "Sheet 1";
    book.rows = std::move(rows);
    return Publish(book);
  }
};

// The agreements whose agency or county holds `text`.
AgreementQuery Named(const std::string& text) {
  AgreementQuery q;
  q.text = text;
  return q;
}

int QueryKinds(Store& store, EventKind kind) {
  EventFilter filter;
  filter.kinds = {kind};
  std::vector<StoredEvent> events;
  REQUIRE(store.Events(filter, &events).ok());
  return static_cast<int>(events.size());
}

int Count(const IngestOutcome& o, EventKind kind) {
  return static_cast<int>(std::count_if(o.events.begin(), o.events.end(), [&](const ChangeEvent& e) { return e.kind == kind; }));
}

const ChangeEvent& Find(const IngestOutcome& o, EventKind kind) {
  auto it = std::find_if(o.events.begin(), o.events.end(), [&](const ChangeEvent& e) { return e.kind == kind; });
  REQUIRE(it != o.events.end());
  return *it;
}

std::vector<IceRow> Base() {
  return {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model"),
          test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model"),
          test::Row("OHIO", "Butler County Sheriff's Office", "Warrant Service Officer"),
          test::Row("GEORGIA", "Cobb County Sheriff's Office", "Jail Enforcement Model"),
          test::Row("ALABAMA", "Baldwin County Sheriff's Office", "Task Force Model")};
}

TEST_CASE("baseline, then signed — an unchanged republication has no events") {
  Tracker t;
  IngestOutcome first = t.Participating(Base());
  CHECK(first.result == Placement::Accepted);
  REQUIRE(first.events.size() == 1);
  CHECK(first.events[0].kind == EventKind::Baseline);
  std::vector<IceRow> more = Base();
  more.push_back(test::Row("IOWA", "Polk County Sheriff's Office", "Task Force Model"));
  IngestOutcome second = t.Participating(more);
  REQUIRE(second.events.size() == 1);
  CHECK(second.events[0].kind == EventKind::Signed);
  CHECK(second.events[0].key == "IA|polk county sheriffs office|TFM");
  IngestOutcome third = t.Participating(more);  // new bytes, same content
  CHECK(third.result == Placement::Accepted);
  CHECK(third.events.empty());
}

TEST_CASE("missing, reappeared, removed") {
  Tracker t;
  t.Participating(Base());
  std::vector<IceRow> without = Base();
  without.pop_back();  // Baldwin
  CHECK(Count(t.Participating(without), EventKind::Missing) == 1);
  CHECK(Count(t.Participating(Base()), EventKind::Reappeared) == 1);
  t.Participating(without);
  t.Participating(without);
  CHECK(Count(t.Participating(without), EventKind::Removed) == 0);  // three publications, but three days
  t.day += 4;
  IngestOutcome later = t.Participating(without);
  const ChangeEvent& removed = Find(later, EventKind::Removed);
  CHECK(removed.key == "AL|baldwin county sheriffs office|TFM");
  CHECK(removed.since.substr(0, 10) == "2026-01-04");
  CHECK(removed.detail == "absent from 4 consecutive publications over 7 days");
}

TEST_CASE("resigned, moa_published, moa_changed, addendum_added, corrected") {
  Tracker t;
  std::vector<IceRow> rows = Base();
  rows[0].moa_url = "";
  rows[0].moa_text = "link pending";
  t.Participating(rows);
  std::vector<IceRow> next = Base();
  next[0].moa_url = "https://www.ice.gov/doclib/287gMOA/PolkCo_JEM_MOA.pdf";
  next[1].signed_serial = test::Serial(2026, 1, 15);
  next[2].moa_url = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2FButler_v2.pdf&data=1";
  next[3].addendum_url = "https://www.ice.gov/doclib/287gMOA/Cobb_addendum.pdf";
  next[4].type = "Municipality";
  IngestOutcome out = t.Participating(next);
  CHECK(Find(out, EventKind::MoaPublished).agency == "Polk County Sheriff's Office");
  CHECK(Find(out, EventKind::Renewed).changes[0].new_value == "2026-01-15");
  CHECK(Find(out, EventKind::MoaChanged).changes[0].new_value == "https://www.ice.gov/doclib/287gMOA/Butler_v2.pdf");
  CHECK(Find(out, EventKind::AddendumAdded).agency == "Cobb County Sheriff's Office");
  const ChangeEvent& corrected = Find(out, EventKind::Corrected);
  CHECK(corrected.changes[0].field == "agency_type");
  CHECK(corrected.changes[0].new_value == "Municipality");
  CHECK(out.events.size() == 5);
}

TEST_CASE("a spelling change is a rename — case, quotes and a typo'd state are nothing") {
  Tracker t;
  t.Participating(Base());
  std::vector<IceRow> next = Base();
  next[0].agency = "POLK COUNTY SHERIFF\xE2\x80\x99S OFFICE ";
  next[1].state = "TEXSA";
  next[2].agency = "Butler Cnty Sheriff's Office";
  IngestOutcome out = t.Participating(next);
  REQUIRE(out.events.size() == 1);
  CHECK(out.events[0].kind == EventKind::Renamed);
  CHECK(out.events[0].key == "OH|butler cnty sheriffs office|WSO");
}

TEST_CASE("a value ICE could not be read in, fixed later, is a corrected of the same agreement") {
  Tracker t;
  std::vector<IceRow> rows = Base();
  rows[0].model = "TBD";           // no model named
  rows[1].state = "TEXAS-ISH";     // no state
  t.Participating(rows);
  IngestOutcome fixed = t.Participating(Base());
  CHECK(Count(fixed, EventKind::Missing) == 0);
  CHECK(Count(fixed, EventKind::Signed) == 0);
  REQUIRE(Count(fixed, EventKind::Corrected) == 2);
  for (const ChangeEvent& e : fixed.events) {
    CHECK(e.kind == EventKind::Corrected);
    CHECK((e.changes[0].field == "model" || e.changes[0].field == "state"));
  }
  std::vector<AgreementHistory> polk;
  REQUIRE(t.store->FindAgreements(Named("Polk County"), &polk).ok());
  REQUIRE(polk.size() == 1);  // one agreement, now under its right key
  CHECK(polk[0].key == "FL|polk county sheriffs office|JEM");
  CHECK(polk[0].events.size() == 1);
}

TEST_CASE("pending list: added, removed, approved — the signing says since when it was pending") {
  Tracker t;
  t.Participating(Base());
  t.Pending({test::Row("TEXAS", "Tye Police Department", "Task Force Model"),
             test::Row("TEXAS", "Oldham County Sheriff's Office", "Task Force Model")});
  std::vector<IceRow> signed_now = Base();
  signed_now.push_back(test::Row("TEXAS", "Tye Police Department", "Task Force Model"));
  IngestOutcome signing = t.Participating(signed_now);
  const ChangeEvent& e = Find(signing, EventKind::Signed);
  CHECK(e.key == "TX|tye police department|TFM");
  CHECK(e.since.substr(0, 10) == "2026-01-02");
  IngestOutcome pending = t.Pending({test::Row("WISCONSIN", "Walworth County Sheriff's Office", "Warrant Service Officer")});
  CHECK(Find(pending, EventKind::Approved).key == "TX|tye police department|TFM");
  CHECK(Find(pending, EventKind::PendingRemoved).key == "TX|oldham county sheriffs office|TFM");
  CHECK(Find(pending, EventKind::PendingAdded).key == "WI|walworth county sheriffs office|WSO");
}

TEST_CASE("a half-empty workbook is quarantined, not 60% terminated — accept releases it") {
  Tracker t;
  t.Participating(Base());
  std::vector<IceRow> partial = Base();
  partial.resize(2);
  IngestOutcome out = t.Participating(partial);
  CHECK(out.result == Placement::Quarantined);
  REQUIRE(out.events.size() == 1);
  CHECK(out.events[0].kind == EventKind::SuspiciousSnapshot);
  CHECK(out.note == "would take away 3 of the 5 rows of the participating list (60%, over 25%)");
  std::shared_ptr<const ListState> state;
  REQUIRE(t.store->LoadListState(ListKind::Participating, &state).ok());
  CHECK(state->present.size() == 5);
  AcceptOutcome accepted;
  REQUIRE(AcceptQuarantined(t.store.get(), out.snapshot_id, IngestOptions(), &accepted).ok());
  CHECK(Count(accepted.snapshot, EventKind::Missing) == 3);
  CHECK_FALSE(accepted.rebuilt);
}

TEST_CASE("a workbook with a header and no rows is quarantined") {
  Tracker t;
  t.Participating(Base());
  IngestOutcome out = t.Participating({});
  CHECK(out.result == Placement::Quarantined);
  CHECK(out.note == "the workbook has a header but no rows");
}

TEST_CASE("identical bytes are not a new snapshot — an older publication is kept without events") {
  Tracker t;
  IceWorkbook book;
  book.rows = Base();
  book.modified = test::UnixTime(2026, 3, 1);
  test::WriteIceWorkbook(t.dir.File("a.xlsx"), book);
  IngestInput input;
  input.bytes = test::ReadFile(t.dir.File("a.xlsx"));
  input.source_name = "a.xlsx";
  IngestOutcome first, again;
  REQUIRE(Ingest(t.store.get(), input, t.options, &first).ok());
  REQUIRE(Ingest(t.store.get(), input, t.options, &again).ok());
  CHECK(again.result == Placement::Duplicate);
  CHECK(again.snapshot_id == first.snapshot_id);
  book.modified = test::UnixTime(2026, 2, 1);
  book.rows.pop_back();
  IngestOutcome late = t.Publish(book);
  CHECK(late.result == Placement::Late);
  CHECK(late.events.empty());
}

TEST_CASE("bad input leaves the store exactly as it was") {
  Tracker t;
  t.Participating(Base());
  std::vector<StoredEvent> before;
  REQUIRE(t.store->Events(EventFilter(), &before).ok());
  for (std::string bad : {std::string("<!DOCTYPE html><html>blocked</html>"), std::string("PK\x03\x04 truncated"),
                          std::string()}) {
    IngestInput input;
    input.bytes = bad;
    input.source_name = "bad.xlsx";
    IngestOutcome out;
    Status s = Ingest(t.store.get(), input, t.options, &out);
    CHECK_FALSE(s.ok());
    CHECK(s.message().rfind("bad.xlsx: ", 0) == 0);
  }
  std::vector<StoredEvent> after;
  REQUIRE(t.store->Events(EventFilter(), &after).ok());
  CHECK(after.size() == before.size());
  std::optional<SnapshotInfo> latest;
  REQUIRE(t.store->LatestAccepted(ListKind::Participating, &latest).ok());
  CHECK(latest->id == 1);
}

TEST_CASE("all real workbooks: every step reconciles — swapped files cause no mass removal — re-import adds nothing") {
  REQUIRE_FIXTURES();
  Tracker t;
  std::vector<std::pair<std::string, std::string>> files;  // published_at, path
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::FixturesDir())) {
    if (entry.path().extension() != ".xlsx") continue;
    std::string modified;
    REQUIRE(ReadWorkbookModifiedTime(test::ReadFile(entry.path()), entry.path(), ZipLimits(), &modified).ok());
    files.emplace_back(CanonicalTime(modified), entry.path().string());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 33);
  for (int round = 0; round < 2; ++round) {
    int stored = 0;
    for (const auto& file : files) {
      const std::string& path = file.second;
      CAPTURE(file.second);  // (clang 14 cannot capture a structured binding)
      IngestInput input;
      input.bytes = test::ReadFile(path);
      input.source_name = std::filesystem::path(path).filename().string();
      IngestOutcome out;
      Status s = Ingest(t.store.get(), input, t.options, &out);
      REQUIRE_MESSAGE(s.ok(), s.message());
      if (out.result == Placement::Accepted) {
        ++stored;
        CHECK(Reconciles(out.list, out.events, out.previous_rows, out.rows));
      }
      if (round == 0 && path.find("2025-09-22") != std::string::npos) {
        CHECK(out.result == Placement::Accepted);
        CHECK(Count(out, EventKind::Missing) + Count(out, EventKind::PendingRemoved) < 15);
      }
      if (round == 0 && path.find("DERIVED") != std::string::npos) CHECK(out.result == Placement::Quarantined);
      if (round == 1) CHECK(out.result == Placement::Duplicate);
    }
    if (round == 0) CHECK(stored == 30);
  }
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("a dense real month: spelling changes are never removals — flaps are reappeared, never removed") {
  REQUIRE_FIXTURES();
  Tracker t;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(test::FixturesDir() + "/sequence-2026-02"))
    files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());  // named by their docProps modified time
  REQUIRE(files.size() == 12);
  std::vector<std::set<std::string>> participating_keys;  // per participating publication
  std::map<std::string, int> missing_at;                  // key -> publication index
  std::set<std::string> removed_agencies;
  int reappeared = 0, renamed = 0;
  for (const std::string& path : files) {
    IngestInput input;
    input.bytes = test::ReadFile(path);
    input.source_name = std::filesystem::path(path).filename().string();
    IngestOutcome out;
    REQUIRE(Ingest(t.store.get(), input, t.options, &out).ok());
    REQUIRE(out.result == Placement::Accepted);
    CHECK(Reconciles(out.list, out.events, out.previous_rows, out.rows));
    if (out.list != ListKind::Participating) continue;
    std::shared_ptr<const ListState> state;
    REQUIRE(t.store->LoadListState(ListKind::Participating, &state).ok());
    std::set<std::string> keys;
    for (const PackedRow& row : state->present) keys.insert(std::string(row.key()));
    int index = static_cast<int>(participating_keys.size());
    participating_keys.push_back(keys);
    for (const ChangeEvent& e : out.events) {
      if (e.kind == EventKind::Missing) missing_at[e.key] = index;
      if (e.kind == EventKind::Reappeared) {
        ++reappeared;
        REQUIRE(missing_at.count(e.key));
        CHECK(index - missing_at[e.key] < t.options.diff.removal_after);  // back in time: a flap
      }
      if (e.kind == EventKind::Removed) {
        removed_agencies.insert(e.state_code + " " + e.agency);
        // Confirmed only after N publications without it...
        CHECK(index - missing_at.at(e.key) + 1 >= t.options.diff.removal_after);
        // ...and it never comes back under its key in this month.
        for (size_t later = static_cast<size_t>(index); later < participating_keys.size(); ++later)
          CHECK(participating_keys[later].count(e.key) == 0);
      }
      if (e.key == "AR|department of public safety crime information center|TFM") {
        // Renamed on 27 Feb ("Arkansas " prefixed): never missing, never removed.
        CHECK(e.kind != EventKind::Missing);
        CHECK(e.kind != EventKind::Removed);
      }
      if (e.kind == EventKind::Renamed) ++renamed;
    }
  }
  CHECK(reappeared == 1);  // Garrett County, absent from one publication
  // Gonzales County's SIGNED date moved by a day: ICE correcting itself, not a renewal.
  CHECK(QueryKinds(*t.store, EventKind::Renewed) == 0);
  CHECK(QueryKinds(*t.store, EventKind::SignedDateCorrected) == 1);
  CHECK(renamed == 1);     // the Arkansas agency
  // The real removals of the month, and nothing else: no agency that only changed spelling. A
  // removal needs 7 days as well as 3 publications, so the two agencies that left in the month's
  // last week are still only missing when it ends.
  std::set<std::string> real = {
      "MD Frederick County Sheriff's Office", "MD Cecil County Sheriff's Office", "MD Harford County Sheriff's Office",
      "MD Carroll County Sheriff\xE2\x80\x99s Office", "MD St. Mary's County Sheriff's Office",
      "MD Wicomico County Corrections Center", "MD Allegany County Sheriff's Office",
      "VA Virginia Department of Corrections", "VA Virginia DOC Law Enforcement Services",
      "PA South Pymatuning TWP State Constable", "PA Pine Grove Borough Police Department"};
  std::shared_ptr<const ListState> end;
  REQUIRE(t.store->LoadListState(ListKind::Participating, &end).ok());
  std::set<std::string> still_missing;
  for (const auto& [key, m] : end->missing) {
    still_missing.insert(m.row.state_code + " " + m.row.agency);
    UtcTime since, last;
    REQUIRE(ParseIsoTime(m.since, &since));
    REQUIRE(ParseIsoTime("2026-03-11T15:41:24Z", &last));
    CHECK(last.seconds - since.seconds < 7 * 86400);  // not yet long enough
  }
  std::set<std::string> expected = real;
  for (const std::string& name : still_missing) expected.erase(name);
  // Quarryville went missing in the last publication (and was removed in May).
  CHECK(still_missing == std::set<std::string>{"MD Allegany County Sheriff's Office",
                                               "PA Pine Grove Borough Police Department",
                                               "PA Quarryville Borough Police Department"});
  CHECK(expected.size() == 9);
  CHECK(removed_agencies == expected);
}

}  // namespace
}  // namespace icetrack
