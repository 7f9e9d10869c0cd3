#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "diff/roster_diff.h"
#include "model/utc_time.h"

namespace icetrack {
namespace {

RosterRow Row(std::string state, std::string agency, Model model, std::string signed_date = "2025-01-01") {
  RosterRow r;
  r.state_code = state;
  r.state = state;
  r.agency = agency;
  r.model = model;
  r.model_raw = ToString(model);
  r.signed_date = signed_date;
  r.moa_status = LinkStatus::Link;
  r.moa_url = "https://www.ice.gov/doclib/287gMOA/" + agency + ".pdf";
  std::string folded;
  for (char c : agency) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  r.key = state + "|" + folded + "|" + ToString(model);
  return r;
}

// A row whose state ICE wrote in a form no one can read: its key keeps the raw text.
RosterRow UnreadableState(RosterRow r, const std::string& written) {
  r.state = written;
  r.state_code = "";
  r.key = "?" + written + r.key.substr(r.key.find('|'));
  return r;
}

RosterRow UnreadableModel(RosterRow r, const std::string& written) {
  r.model = Model::Unknown;
  r.model_raw = written;
  r.key = r.key.substr(0, r.key.rfind('|') + 1) + "?" + written;
  return r;
}

Roster List(ListKind kind, std::vector<RosterRow> rows) {
  Roster r;
  r.kind = kind;
  r.rows = std::move(rows);
  r.fields = {"state", "agency", "agency_type", "county", "model", "moa", "addendum"};
  if (kind == ListKind::Participating) r.fields.push_back("signed");
  return r;
}

// Publication times: day 1 is 2026-01-01 at noon; fractions of a day are hours.
std::string Day(double day) {
  int64_t noon = DaysFromCivil({2026, 1, 1}) * 86400 + 12 * 3600;
  return FormatIsoTime(UtcTime{noon + static_cast<int64_t>((day - 1) * 86400 + 0.5)});
}

// Feeds publications in order, like the store would, and keeps every step.
struct History {
  ListKind kind;
  ListState state;
  OtherList other;
  DiffOptions options;
  ListUpdate last;
  std::vector<std::vector<ChangeEvent>> steps;

  explicit History(ListKind k = ListKind::Participating) : kind(k) {}
  const std::vector<ChangeEvent>& Publish(std::vector<RosterRow> rows, double day) {
    Roster roster = List(kind, std::move(rows));
    size_t before = state.present.size();
    last = DiffRoster(state, roster, Day(day), other, options);
    CHECK_MESSAGE(Reconciles(kind, last.events, before, roster.rows.size()), "step on day ", day);
    state = last.next;
    steps.push_back(last.events);
    return steps.back();
  }
};

int Count(const std::vector<ChangeEvent>& events, EventKind kind) {
  return static_cast<int>(std::count_if(events.begin(), events.end(), [&](const ChangeEvent& e) { return e.kind == kind; }));
}

const ChangeEvent& Find(const std::vector<ChangeEvent>& events, EventKind kind) {
  auto it = std::find_if(events.begin(), events.end(), [&](const ChangeEvent& e) { return e.kind == kind; });
  REQUIRE(it != events.end());
  return *it;
}

TEST_CASE("the first publication is one baseline event, not a signing per row") {
  History h;
  auto& events = h.Publish({Row("FL", "Polk County Sheriff", Model::JEM), Row("TX", "Hays County", Model::TFM)}, 1);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Baseline);
  CHECK(events[0].detail.find("2 rows") == 0);
  CHECK(h.state.present.size() == 2);
}

TEST_CASE("a new key is signed, with the row's fields — an unchanged list gives no events") {
  History h;
  h.Publish({Row("FL", "A", Model::JEM)}, 1);
  RosterRow brand_new = Row("GA", "Brand New Office", Model::WSO, "2025-12-30");
  brand_new.county = "Cobb County";
  brand_new.agency_type = "County";
  auto& events = h.Publish({Row("FL", "A", Model::JEM), brand_new}, 2);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Signed);
  CHECK(events[0].key == "GA|brand new office|WSO");
  CHECK(events[0].state_code == "GA");
  CHECK(events[0].model == Model::WSO);
  CHECK(events[0].signed_date == "2025-12-30");
  CHECK(events[0].moa_url == brand_new.moa_url);
  CHECK(events[0].county == "Cobb County");
  CHECK(events[0].agency_type == "County");
  CHECK(h.Publish({Row("FL", "A", Model::JEM), brand_new}, 3).empty());
}

TEST_CASE("a disappearance is missing, then reappeared if it comes back in time") {
  History h;
  h.Publish({Row("FL", "A", Model::JEM), Row("FL", "Flapping Office", Model::TFM)}, 1);
  auto& gone = h.Publish({Row("FL", "A", Model::JEM)}, 2);
  REQUIRE(gone.size() == 1);
  CHECK(gone[0].kind == EventKind::Missing);
  CHECK(gone[0].moa_url == Row("FL", "Flapping Office", Model::TFM).moa_url);  // the row as last seen
  CHECK(h.Publish({Row("FL", "A", Model::JEM)}, 3).empty());  // still missing, not yet removed
  auto& back = h.Publish({Row("FL", "A", Model::JEM), Row("FL", "Flapping Office", Model::TFM)}, 4);
  REQUIRE(back.size() == 1);
  CHECK(back[0].kind == EventKind::Reappeared);
  CHECK(back[0].since == Day(2));
  CHECK(h.state.missing.empty());
}

TEST_CASE("absent for N publications over D days is removed, dated when it went missing") {
  History h;
  h.Publish({Row("MD", "Frederick County Sheriff", Model::JEM), Row("MD", "B", Model::WSO)}, 1);
  h.Publish({Row("MD", "B", Model::WSO)}, 2);
  h.Publish({Row("MD", "B", Model::WSO)}, 5);
  auto& third = h.Publish({Row("MD", "B", Model::WSO)}, 9);
  const ChangeEvent& removed = Find(third, EventKind::Removed);
  CHECK(removed.key == "MD|frederick county sheriff|JEM");
  CHECK(removed.since == Day(2));
  CHECK(removed.detail == "absent from 3 consecutive publications over 7 days");
  CHECK(removed.signed_date == "2025-01-01");
  CHECK(h.state.missing.empty());
  REQUIRE(h.state.removed.count(removed.key));
  CHECK(h.state.removed.at(removed.key).removed_at == Day(9));
  CHECK(h.state.removed.at(removed.key).since == Day(2));
}

TEST_CASE("three publications in one day are not a removal: the time must pass as well") {
  // ICE published three times within about a day; the agreement was back five days later.
  History h;
  RosterRow flapping = Row("TX", "Tye Police Department", Model::TFM, "2025-06-12");
  h.Publish({flapping, Row("TX", "B", Model::WSO)}, 1);
  h.Publish({Row("TX", "B", Model::WSO)}, 2);      // am
  h.Publish({Row("TX", "B", Model::WSO)}, 2.25);   // mid
  auto& third = h.Publish({Row("TX", "B", Model::WSO)}, 2.5);  // pm: three publications without it
  CHECK(Count(third, EventKind::Removed) == 0);
  CHECK(h.state.missing.at(flapping.key).misses == 3);
  auto& back = h.Publish({flapping, Row("TX", "B", Model::WSO)}, 7);
  CHECK(Count(back, EventKind::Reappeared) == 1);
  CHECK(Count(back, EventKind::Signed) == 0);
}

TEST_CASE("both thresholds are configurable") {
  History h;
  h.options.removal_after = 1;
  h.options.removal_after_days = 0;
  h.Publish({Row("MD", "A", Model::JEM), Row("MD", "B", Model::WSO)}, 1);
  auto& events = h.Publish({Row("MD", "B", Model::WSO)}, 2);
  CHECK(Count(events, EventKind::Missing) == 1);
  CHECK(Count(events, EventKind::Removed) == 1);
  History slow;
  slow.options.removal_after_days = 30;
  slow.Publish({Row("MD", "A", Model::JEM), Row("MD", "B", Model::WSO)}, 1);
  for (int day = 2; day <= 30; ++day) CHECK(Count(slow.Publish({Row("MD", "B", Model::WSO)}, day), EventKind::Removed) == 0);
  CHECK(Count(slow.Publish({Row("MD", "B", Model::WSO)}, 32), EventKind::Removed) == 1);
}

TEST_CASE("a publication time that cannot be read never confirms a removal") {
  History h;
  h.options.removal_after_days = 0;
  h.Publish({Row("MD", "A", Model::JEM), Row("MD", "B", Model::WSO)}, 1);
  Roster without = List(ListKind::Participating, {Row("MD", "B", Model::WSO)});
  ListUpdate update = h.last;
  for (int i = 0; i < 5; ++i) {
    update = DiffRoster(update.next, without, "not a time", OtherList(), h.options);
    CHECK(Count(update.events, EventKind::Removed) == 0);
  }
}

TEST_CASE("a removed agreement back with the same SIGNED date is reappeared, and says when it was removed") {
  History h;
  RosterRow row = Row("TX", "Southside Place Police Department", Model::TFM, "2025-06-13");
  h.Publish({row, Row("TX", "B", Model::WSO)}, 1);
  for (int day : {2, 5, 10}) h.Publish({Row("TX", "B", Model::WSO)}, day);
  REQUIRE(h.state.removed.count(row.key));
  auto& back = h.Publish({row, Row("TX", "B", Model::WSO)}, 40);
  REQUIRE(back.size() == 1);
  CHECK(back[0].kind == EventKind::Reappeared);
  CHECK(back[0].since == Day(2));
  CHECK(back[0].detail == "back with the same SIGNED date after being reported removed on 2026-01-10 (missing since 2026-01-02)");
  CHECK(h.state.removed.empty());
  CHECK(h.last.retired.empty());  // the same agreement
}

TEST_CASE("a removed agreement back with no SIGNED date either time is reappeared") {
  History h;
  RosterRow row = Row("TX", "Undated Office", Model::TFM, "");
  h.Publish({row, Row("TX", "B", Model::WSO)}, 1);
  for (int day : {2, 5, 10}) h.Publish({Row("TX", "B", Model::WSO)}, day);
  CHECK(Count(h.Publish({row, Row("TX", "B", Model::WSO)}, 20), EventKind::Reappeared) == 1);
}

TEST_CASE("a removed agreement back with another SIGNED date is a new agreement that names the earlier one") {
  History h;
  RosterRow old = Row("WI", "Walworth County Sheriff", Model::WSO, "2025-03-01");
  h.Publish({old, Row("WI", "B", Model::JEM)}, 1);
  for (int day : {2, 5, 10}) h.Publish({Row("WI", "B", Model::JEM)}, day);
  RosterRow again = Row("WI", "Walworth County Sheriff", Model::WSO, "2026-02-20");
  auto& events = h.Publish({again, Row("WI", "B", Model::JEM)}, 60);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Signed);
  CHECK(events[0].signed_date == "2026-02-20");
  CHECK(events[0].detail == "a new agreement: the earlier one (signed 2025-03-01) was reported removed on 2026-01-10");
  CHECK(h.last.retired == std::set<std::string>{old.key});
  CHECK(h.state.removed.empty());
  CHECK(h.state.present.count(again.key));
}

TEST_CASE("a renamed agency is one renamed event, not missing plus signed") {
  History h;
  RosterRow before = Row("AR", "Department of Public Safety-Crime Information Center", Model::TFM);
  h.Publish({before, Row("AR", "Other", Model::JEM)}, 1);
  RosterRow after = Row("AR", "Arkansas Department of Public Safety-Crime Information Center", Model::TFM);
  after.moa_url = before.moa_url;  // the same agreement file
  auto& events = h.Publish({after, Row("AR", "Other", Model::JEM)}, 2);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Renamed);
  CHECK(events[0].key == after.key);
  CHECK(events[0].changes[0].field == "agency");
  CHECK(events[0].changes[1].field == "key");
  CHECK(events[0].changes[1].old_value == before.key);
  CHECK(h.last.rekeyed.at(after.key) == before.key);
}

TEST_CASE("near-identical names are a rename — different agencies are not") {
  History h;
  h.Publish({Row("TX", "Neuces County Constable Precinct 5", Model::TFM), Row("TX", "Polk County", Model::TFM, "2025-03-01")}, 1);
  RosterRow fixed = Row("TX", "Nueces County Constable Precinct 5", Model::TFM);
  fixed.moa_url = "https://elsewhere/different.pdf";
  RosterRow other = Row("TX", "Harris County", Model::TFM, "2025-04-01");
  auto& events = h.Publish({fixed, other}, 2);
  CHECK(Count(events, EventKind::Renamed) == 1);
  CHECK(Count(events, EventKind::Signed) == 1);   // Harris is new
  CHECK(Count(events, EventKind::Missing) == 1);  // Polk went missing
}

TEST_CASE("a missing row that comes back under a new name is reappeared and renamed") {
  History h;
  h.Publish({Row("WY", "Laramie County Sheriff", Model::JEM), Row("WY", "X", Model::WSO)}, 1);
  h.Publish({Row("WY", "X", Model::WSO)}, 2);
  auto& events = h.Publish({Row("WY", "X", Model::WSO), Row("WY", "Laramie County Sherif", Model::JEM)}, 3);
  CHECK(Count(events, EventKind::Reappeared) == 1);
  CHECK(Count(events, EventKind::Renamed) == 1);
  CHECK(Count(events, EventKind::Signed) == 0);
  CHECK(h.state.missing.empty());
}

TEST_CASE("a state ICE fixed is one corrected of the same agreement, not missing plus signed") {
  History h;
  RosterRow wrong = Row("NY", "Lake Placid Police Department", Model::TFM, "2025-02-28");
  h.Publish({wrong, Row("NY", "Other", Model::JEM)}, 1);
  RosterRow right = Row("FL", "Lake Placid Police Department", Model::TFM, "2025-02-28");
  auto& events = h.Publish({right, Row("NY", "Other", Model::JEM)}, 2);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Corrected);
  CHECK(events[0].key == right.key);
  CHECK(events[0].state_code == "FL");
  REQUIRE(events[0].changes.size() >= 2);
  CHECK(events[0].changes[0].field == "state");
  CHECK(events[0].changes[0].old_value == "NY");
  CHECK(events[0].changes[0].new_value == "FL");
  CHECK(events[0].changes[1].field == "key");
  CHECK(h.last.rekeyed.at(right.key) == wrong.key);
}

TEST_CASE("two real agencies with one name in two states stay two agreements") {
  SUBCASE("another SIGNED date: the one that left is missing, the new one signed") {
    History h;
    h.Publish({Row("NE", "Brown County Sheriff's Office", Model::JEM, "2025-06-18"), Row("NE", "Other", Model::TFM)}, 1);
    auto& events = h.Publish({Row("KS", "Brown County Sheriff's Office", Model::JEM, "2025-11-04"), Row("NE", "Other", Model::TFM)}, 2);
    CHECK(Count(events, EventKind::Missing) == 1);
    CHECK(Count(events, EventKind::Signed) == 1);
    CHECK(Count(events, EventKind::Corrected) == 0);
  }
  SUBCASE("the same SIGNED date, but the first one stays: a new signing") {
    History h;
    RosterRow ny = Row("NY", "Lake Placid Police Department", Model::TFM, "2025-02-28");
    h.Publish({ny}, 1);
    auto& events = h.Publish({ny, Row("FL", "Lake Placid Police Department", Model::TFM, "2025-02-28")}, 2);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::Signed);
  }
  SUBCASE("the same SIGNED date, but the first one left a publication earlier: no swap, no fix") {
    History h;
    RosterRow ny = Row("NY", "Lake Placid Police Department", Model::TFM, "2025-02-28");
    h.Publish({ny, Row("NY", "Other", Model::JEM)}, 1);
    h.Publish({Row("NY", "Other", Model::JEM)}, 2);
    auto& events = h.Publish({Row("NY", "Other", Model::JEM), Row("FL", "Lake Placid Police Department", Model::TFM, "2025-02-28")}, 3);
    CHECK(Count(events, EventKind::Signed) == 1);
    CHECK(Count(events, EventKind::Corrected) == 0);
  }
  SUBCASE("another model: another agreement") {
    History h;
    h.Publish({Row("NY", "Lake Placid Police Department", Model::TFM, "2025-02-28"), Row("NY", "Other", Model::JEM)}, 1);
    auto& events = h.Publish({Row("FL", "Lake Placid Police Department", Model::WSO, "2025-02-28"), Row("NY", "Other", Model::JEM)}, 2);
    CHECK(Count(events, EventKind::Missing) == 1);
    CHECK(Count(events, EventKind::Signed) == 1);
  }
}

TEST_CASE("an unreadable model that ICE fixes is a corrected of the same agreement") {
  History h;
  RosterRow right = Row("FL", "Polk County Sheriff", Model::JEM);
  RosterRow unreadable = UnreadableModel(right, "N/A");
  h.Publish({unreadable, Row("FL", "Other", Model::TFM)}, 1);
  auto& events = h.Publish({right, Row("FL", "Other", Model::TFM)}, 2);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Corrected);
  CHECK(events[0].changes[0].field == "model");
  CHECK(events[0].changes[0].old_value == "N/A");
  CHECK(events[0].changes[0].new_value == "JEM");
  CHECK(h.last.rekeyed.at(right.key) == unreadable.key);
}

TEST_CASE("an unreadable state that ICE fixes is a corrected, even a publication later") {
  History h;
  RosterRow right = Row("PA", "Pine Grove Borough Police Department", Model::TFM);
  RosterRow unreadable = UnreadableState(right, "penn sylvaniaa state");
  h.Publish({unreadable, Row("PA", "Other", Model::JEM)}, 1);
  h.Publish({Row("PA", "Other", Model::JEM)}, 2);  // gone for one publication
  auto& events = h.Publish({right, Row("PA", "Other", Model::JEM)}, 3);
  CHECK(Count(events, EventKind::Reappeared) == 1);
  CHECK(Count(events, EventKind::Corrected) == 1);
  CHECK(Count(events, EventKind::Signed) == 0);
  CHECK(Find(events, EventKind::Corrected).changes[0].new_value == "PA");
}

TEST_CASE("a state fix and a county fix in one publication are one corrected") {
  History h;
  RosterRow wrong = Row("OK", "Wichita County Sheriff's Office", Model::WSO, "2025-04-16");
  h.Publish({wrong, Row("TX", "Other", Model::JEM)}, 1);
  RosterRow right = Row("TX", "Wichita County Sheriff's Office", Model::WSO, "2025-04-16");
  right.county = "Wichita County";
  auto& events = h.Publish({right, Row("TX", "Other", Model::JEM)}, 2);
  REQUIRE(events.size() == 1);
  REQUIRE(events[0].changes.size() == 3);
  CHECK(events[0].changes[0].field == "state");
  CHECK(events[0].changes[1].field == "key");
  CHECK(events[0].changes[2].field == "county");
}

TEST_CASE("field changes: a renewal, moa_published, moa_changed, addendum_added, corrected") {
  History h;
  RosterRow a = Row("OH", "Butler County", Model::JEM, "2025-01-01");
  a.moa_status = LinkStatus::Pending;
  a.moa_url = "";
  a.county = "Butler";
  h.Publish({a}, 1);
  RosterRow b = a;
  b.signed_date = "2025-09-01";
  b.moa_status = LinkStatus::Link;
  b.moa_url = "https://www.ice.gov/doclib/287gMOA/Butler.pdf";
  b.addendum_url = "https://www.ice.gov/doclib/287gMOA/Butler_add.pdf";
  b.county = "Butler County";
  auto& events = h.Publish({b}, 2);
  const ChangeEvent& renewed = Find(events, EventKind::Renewed);
  CHECK(renewed.changes[0].old_value == "2025-01-01");
  CHECK(renewed.changes[0].new_value == "2025-09-01");
  CHECK(renewed.signed_date == "2025-09-01");
  CHECK(Find(events, EventKind::MoaPublished).changes[1].new_value == b.moa_url);
  CHECK(Find(events, EventKind::AddendumAdded).changes[0].new_value == b.addendum_url);
  const ChangeEvent& corrected = Find(events, EventKind::Corrected);
  CHECK(corrected.changes[0].field == "county");
  RosterRow c = b;
  c.moa_url = "https://www.ice.gov/doclib/287gMOA/Butler_v2.pdf";
  auto& changed = h.Publish({c}, 3);
  REQUIRE(changed.size() == 1);
  CHECK(changed[0].kind == EventKind::MoaChanged);
}

TEST_CASE("a column ICE adds is not a correction of every row") {
  History h;
  h.Publish({Row("OH", "Butler County", Model::JEM)}, 1);
  Roster with_county = List(ListKind::Participating, {Row("OH", "Butler County", Model::JEM)});
  with_county.rows[0].county = "Butler County";  // COUNTY column new in this publication
  ListState state = h.state;
  state.fields.erase("county");
  ListUpdate update = DiffRoster(state, with_county, Day(2), OtherList(), DiffOptions());
  CHECK(update.events.empty());
}

TEST_CASE("pending list: added, removed, and approved when it is signed — the lifecycle is in the state") {
  History pending(ListKind::Pending);
  pending.Publish({Row("TX", "Hays County", Model::TFM), Row("TX", "Withdrawn PD", Model::TFM)}, 1);
  pending.other.participating = {"TX|hays county|TFM"};
  auto& events = pending.Publish({Row("TX", "Newcomer PD", Model::WSO)}, 2);
  CHECK(Count(events, EventKind::PendingAdded) == 1);
  CHECK(Count(events, EventKind::Approved) == 1);
  CHECK(Count(events, EventKind::PendingRemoved) == 1);
  CHECK(Find(events, EventKind::Approved).key == "TX|hays county|TFM");
  CHECK(pending.state.removed.size() == 2);
  auto& back = pending.Publish({Row("TX", "Newcomer PD", Model::WSO), Row("TX", "Withdrawn PD", Model::TFM)}, 3);
  REQUIRE(back.size() == 1);
  CHECK(back[0].kind == EventKind::PendingAdded);
  CHECK(pending.state.removed.size() == 1);
  CHECK(pending.last.retired.empty());  // an application back on the list is the same application
}

TEST_CASE("a signing says since when it was pending") {
  History h;
  h.Publish({Row("FL", "A", Model::JEM)}, 1);
  h.other.pending_since = {{"TX|hays county|TFM", "2025-03-13T02:57:35Z"}};
  auto& events = h.Publish({Row("FL", "A", Model::JEM), Row("TX", "Hays County", Model::TFM)}, 2);
  const ChangeEvent& signed_event = Find(events, EventKind::Signed);
  CHECK(signed_event.since == "2025-03-13T02:57:35Z");
  CHECK(signed_event.detail == "pending since 2025-03-13T02:57:35Z");
}

TEST_CASE("counts reconcile over a long, churning history") {
  History h;
  std::vector<RosterRow> rows;
  for (int i = 0; i < 40; ++i) rows.push_back(Row("TX", "Agency " + std::to_string(i), Model::TFM));
  h.Publish(rows, 1);
  int removed = 0, reappeared = 0;
  for (int step = 1; step < 60; ++step) {
    std::vector<RosterRow> next;
    for (int i = 0; i < 40 + step; ++i) {
      if ((i * 7 + step) % 11 == 0 || (i % 9 == 0 && step % 20 < 10)) continue;  // flapping rows
      next.push_back(Row("TX", "Agency " + std::to_string(i), Model::TFM));
    }
    auto& events = h.Publish(next, 1 + step * 0.7);  // History checks Reconciles at every step
    removed += Count(events, EventKind::Removed);
    reappeared += Count(events, EventKind::Reappeared);
  }
  CHECK(h.steps.size() == 60);
  CHECK(removed > 0);     // the slow flaps were confirmed removed...
  CHECK(reappeared > 0);  // ...and came back
}

TEST_CASE("the same inputs give the same events in the same order") {
  Roster a = List(ListKind::Participating, {Row("FL", "A", Model::JEM), Row("FL", "B", Model::TFM)});
  Roster b = List(ListKind::Participating, {Row("FL", "B", Model::TFM), Row("FL", "C", Model::WSO)});
  ListUpdate first = DiffRoster(ListState(), a, Day(1), OtherList(), DiffOptions());
  ListUpdate x = DiffRoster(first.next, b, Day(2), OtherList(), DiffOptions());
  ListUpdate y = DiffRoster(first.next, b, Day(2), OtherList(), DiffOptions());
  REQUIRE(x.events.size() == y.events.size());
  for (size_t i = 0; i < x.events.size(); ++i) CHECK(x.events[i].key == y.events[i].key);
}

}  // namespace
}  // namespace icetrack
