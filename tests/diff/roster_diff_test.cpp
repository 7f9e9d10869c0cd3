#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "diff/roster_diff.h"

namespace icetrack {
namespace {

RosterRow Row(std::string state, std::string agency, Model model, std::string signed_date = "2025-01-01") {
  RosterRow r;
  r.state_code = state;
  r.agency = agency;
  r.model = model;
  r.signed_date = signed_date;
  r.moa_status = LinkStatus::Link;
  r.moa_url = "https://www.ice.gov/doclib/287gMOA/" + agency + ".pdf";
  std::string folded;
  for (char c : agency) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  r.key = state + "|" + folded + "|" + ToString(model);
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

// Feeds publications in order, like the store would, and keeps every step.
struct History {
  ListKind kind;
  ListState state;
  OtherList other;
  DiffOptions options;
  std::vector<std::vector<ChangeEvent>> steps;

  explicit History(ListKind k = ListKind::Participating) : kind(k) {}
  const std::vector<ChangeEvent>& Publish(std::vector<RosterRow> rows, const std::string& at) {
    Roster roster = List(kind, std::move(rows));
    size_t before = state.present.size();
    ListUpdate update = DiffRoster(state, roster, at, other, options);
    CHECK_MESSAGE(Reconciles(kind, update.events, before, roster.rows.size()), "step at ", at);
    state = update.next;
    steps.push_back(update.events);
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
  auto& events = h.Publish({Row("FL", "Polk County Sheriff", Model::JEM), Row("TX", "Hays County", Model::TFM)}, "2025-02-01");
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Baseline);
  CHECK(events[0].detail.find("2 rows") == 0);
  CHECK(h.state.present.size() == 2);
}

TEST_CASE("a new key is signed; an unchanged list gives no events") {
  History h;
  h.Publish({Row("FL", "A", Model::JEM)}, "t1");
  auto& events = h.Publish({Row("FL", "A", Model::JEM), Row("GA", "Brand New Office", Model::WSO)}, "t2");
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Signed);
  CHECK(events[0].key == "GA|brand new office|WSO");
  CHECK(events[0].state_code == "GA");
  CHECK(events[0].model == Model::WSO);
  CHECK(h.Publish({Row("FL", "A", Model::JEM), Row("GA", "Brand New Office", Model::WSO)}, "t3").empty());
}

TEST_CASE("a disappearance is missing, then reappeared if it comes back in time") {
  History h;
  h.Publish({Row("FL", "A", Model::JEM), Row("FL", "Flapping Office", Model::TFM)}, "t1");
  auto& gone = h.Publish({Row("FL", "A", Model::JEM)}, "t2");
  REQUIRE(gone.size() == 1);
  CHECK(gone[0].kind == EventKind::Missing);
  CHECK(h.Publish({Row("FL", "A", Model::JEM)}, "t3").empty());  // still missing, not yet removed
  auto& back = h.Publish({Row("FL", "A", Model::JEM), Row("FL", "Flapping Office", Model::TFM)}, "t4");
  REQUIRE(back.size() == 1);
  CHECK(back[0].kind == EventKind::Reappeared);
  CHECK(back[0].since == "t2");
  CHECK(h.state.missing.empty());
}

TEST_CASE("absent for N consecutive publications is removed, dated when it went missing") {
  History h;
  h.Publish({Row("MD", "Frederick County Sheriff", Model::JEM), Row("MD", "B", Model::WSO)}, "t1");
  h.Publish({Row("MD", "B", Model::WSO)}, "t2");
  h.Publish({Row("MD", "B", Model::WSO)}, "t3");
  auto& third = h.Publish({Row("MD", "B", Model::WSO)}, "t4");
  const ChangeEvent& removed = Find(third, EventKind::Removed);
  CHECK(removed.key == "MD|frederick county sheriff|JEM");
  CHECK(removed.since == "t2");
  CHECK(h.state.missing.empty());
  // After a confirmed removal, a return is a new signing.
  auto& again = h.Publish({Row("MD", "B", Model::WSO), Row("MD", "Frederick County Sheriff", Model::JEM)}, "t5");
  CHECK(Count(again, EventKind::Signed) == 1);
  CHECK(Count(again, EventKind::Reappeared) == 0);
}

TEST_CASE("the removal threshold is configurable") {
  History h;
  h.options.removal_after = 1;
  h.Publish({Row("MD", "A", Model::JEM), Row("MD", "B", Model::WSO)}, "t1");
  auto& events = h.Publish({Row("MD", "B", Model::WSO)}, "t2");
  CHECK(Count(events, EventKind::Missing) == 1);
  CHECK(Count(events, EventKind::Removed) == 1);
}

TEST_CASE("a renamed agency is one renamed event, not missing plus signed") {
  History h;
  RosterRow before = Row("AR", "Department of Public Safety-Crime Information Center", Model::TFM);
  h.Publish({before, Row("AR", "Other", Model::JEM)}, "t1");
  RosterRow after = Row("AR", "Arkansas Department of Public Safety-Crime Information Center", Model::TFM);
  after.moa_url = before.moa_url;  // the same agreement file
  auto& events = h.Publish({after, Row("AR", "Other", Model::JEM)}, "t2");
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::Renamed);
  CHECK(events[0].key == after.key);
  CHECK(events[0].changes[0].field == "agency");
  CHECK(events[0].changes[1].field == "key");
  CHECK(events[0].changes[1].old_value == before.key);
}

TEST_CASE("near-identical names are a rename; different agencies are not") {
  History h;
  h.Publish({Row("TX", "Neuces County Constable Precinct 5", Model::TFM), Row("TX", "Polk County", Model::TFM, "2025-03-01")}, "t1");
  RosterRow fixed = Row("TX", "Nueces County Constable Precinct 5", Model::TFM);
  fixed.moa_url = "https://elsewhere/different.pdf";
  RosterRow other = Row("TX", "Harris County", Model::TFM, "2025-04-01");
  auto& events = h.Publish({fixed, other}, "t2");
  CHECK(Count(events, EventKind::Renamed) == 1);
  CHECK(Count(events, EventKind::Signed) == 1);   // Harris is new
  CHECK(Count(events, EventKind::Missing) == 1);  // Polk went missing
}

TEST_CASE("a missing row that comes back under a new name is reappeared and renamed") {
  History h;
  h.Publish({Row("WY", "Laramie County Sheriff", Model::JEM), Row("WY", "X", Model::WSO)}, "t1");
  h.Publish({Row("WY", "X", Model::WSO)}, "t2");
  auto& events = h.Publish({Row("WY", "X", Model::WSO), Row("WY", "Laramie County Sherif", Model::JEM)}, "t3");
  CHECK(Count(events, EventKind::Reappeared) == 1);
  CHECK(Count(events, EventKind::Renamed) == 1);
  CHECK(Count(events, EventKind::Signed) == 0);
  CHECK(h.state.missing.empty());
}

TEST_CASE("field changes: resigned, moa_published, moa_changed, addendum_added, corrected") {
  History h;
  RosterRow a = Row("OH", "Butler County", Model::JEM, "2025-01-01");
  a.moa_status = LinkStatus::Pending;
  a.moa_url = "";
  a.county = "Butler";
  h.Publish({a}, "t1");
  RosterRow b = a;
  b.signed_date = "2026-01-01";
  b.moa_status = LinkStatus::Link;
  b.moa_url = "https://www.ice.gov/doclib/287gMOA/Butler.pdf";
  b.addendum_url = "https://www.ice.gov/doclib/287gMOA/Butler_add.pdf";
  b.county = "Butler County";
  auto& events = h.Publish({b}, "t2");
  const ChangeEvent& resigned = Find(events, EventKind::Resigned);
  CHECK(resigned.changes[0].old_value == "2025-01-01");
  CHECK(resigned.changes[0].new_value == "2026-01-01");
  CHECK(Find(events, EventKind::MoaPublished).changes[1].new_value == b.moa_url);
  CHECK(Find(events, EventKind::AddendumAdded).changes[0].new_value == b.addendum_url);
  const ChangeEvent& corrected = Find(events, EventKind::Corrected);
  CHECK(corrected.changes[0].field == "county");
  RosterRow c = b;
  c.moa_url = "https://www.ice.gov/doclib/287gMOA/Butler_v2.pdf";
  auto& changed = h.Publish({c}, "t3");
  REQUIRE(changed.size() == 1);
  CHECK(changed[0].kind == EventKind::MoaChanged);
}

TEST_CASE("a column ICE adds is not a correction of every row") {
  History h;
  h.Publish({Row("OH", "Butler County", Model::JEM)}, "t1");
  Roster with_addendum = List(ListKind::Participating, {Row("OH", "Butler County", Model::JEM)});
  with_addendum.rows[0].county = "Butler County";  // COUNTY column new in this publication
  with_addendum.fields.erase(std::find(with_addendum.fields.begin(), with_addendum.fields.end(), "county"));
  ListState state = h.state;
  state.fields.erase("county");
  with_addendum.fields.push_back("county");
  ListUpdate update = DiffRoster(state, with_addendum, "t2", OtherList(), DiffOptions());
  CHECK(update.events.empty());
}

TEST_CASE("pending list: added, removed, and approved when it is signed") {
  History pending(ListKind::Pending);
  pending.Publish({Row("TX", "Hays County", Model::TFM), Row("TX", "Withdrawn PD", Model::TFM)}, "t1");
  pending.other.participating = {"TX|hays county|TFM"};
  auto& events = pending.Publish({Row("TX", "Newcomer PD", Model::WSO)}, "t2");
  CHECK(Count(events, EventKind::PendingAdded) == 1);
  CHECK(Count(events, EventKind::Approved) == 1);
  CHECK(Count(events, EventKind::PendingRemoved) == 1);
  CHECK(Find(events, EventKind::Approved).key == "TX|hays county|TFM");
}

TEST_CASE("a signing says since when it was pending") {
  History h;
  h.Publish({Row("FL", "A", Model::JEM)}, "t1");
  h.other.pending_since = {{"TX|hays county|TFM", "2025-03-13T02:57:35Z"}};
  auto& events = h.Publish({Row("FL", "A", Model::JEM), Row("TX", "Hays County", Model::TFM)}, "t2");
  const ChangeEvent& signed_event = Find(events, EventKind::Signed);
  CHECK(signed_event.since == "2025-03-13T02:57:35Z");
  CHECK(signed_event.detail == "pending since 2025-03-13T02:57:35Z");
}

TEST_CASE("counts reconcile over a long, churning history") {
  History h;
  std::vector<RosterRow> rows;
  for (int i = 0; i < 40; ++i) rows.push_back(Row("TX", "Agency " + std::to_string(i), Model::TFM));
  h.Publish(rows, "t0");
  for (int step = 1; step < 30; ++step) {
    std::vector<RosterRow> next;
    for (int i = 0; i < 40 + step; ++i) {
      if ((i * 7 + step) % 11 == 0) continue;  // flapping rows
      next.push_back(Row("TX", "Agency " + std::to_string(i), Model::TFM));
    }
    h.Publish(next, "t" + std::to_string(step));  // History checks Reconciles at every step
  }
  CHECK(h.steps.size() == 30);
}

TEST_CASE("the same inputs give the same events in the same order") {
  Roster a = List(ListKind::Participating, {Row("FL", "A", Model::JEM), Row("FL", "B", Model::TFM)});
  Roster b = List(ListKind::Participating, {Row("FL", "B", Model::TFM), Row("FL", "C", Model::WSO)});
  ListUpdate first = DiffRoster(ListState(), a, "t1", OtherList(), DiffOptions());
  ListUpdate x = DiffRoster(first.next, b, "t2", OtherList(), DiffOptions());
  ListUpdate y = DiffRoster(first.next, b, "t2", OtherList(), DiffOptions());
  REQUIRE(x.events.size() == y.events.size());
  for (size_t i = 0; i < x.events.size(); ++i) CHECK(x.events[i].key == y.events[i].key);
}

}  // namespace
}  // namespace icetrack
