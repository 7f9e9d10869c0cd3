// The alerts' outbox (store/outbox.cpp): items queued in their events'
// transaction, deliveries made of them once per target, attempts recorded.
#include <doctest/doctest.h>

#include <filesystem>

#include "diff/row_changes.h"
#include "store/store.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

RosterRow Row(const std::string& state, const std::string& name) {
  RosterRow r;
  r.state_code = r.state = state;
  r.agency = name;
  r.model = Model::TFM;
  r.key = state + "|" + name + "|TFM";
  return r;
}

UtcTime Time(const char* iso) {
  UtcTime t;
  REQUIRE(ParseIsoTime(iso, &t));
  return t;
}

struct Outbox {
  test::TempDir dir;
  std::unique_ptr<Store> store;
  Roster roster;
  PackedRoster packed;  // `roster`, as Publish records it
  int published = 0;
  Outbox() {
    REQUIRE(Store::Open(dir.File("icetrack.db"), &store).ok());
    roster.kind = ListKind::Participating;
  }
  // Records a publication of `rows` whose events are a signing of each, routed as `routes` says.
  int64_t Publish(std::vector<RosterRow> rows, const std::vector<AlertRoute>& routes) {
    roster.rows = rows;
    std::string at = "2026-01-0" + std::to_string(++published) + "T12:00:00Z";
    SnapshotRecord record;
    const std::string bytes = "PK " + at;
    record.bytes = bytes;
    record.sha256 = Sha256Hex(record.bytes);
    record.source_name = "p.xlsx";
    record.published_at = record.observed_at = at;
    packed = Pack(roster);
    record.roster = &packed;
    ListUpdate update;
    for (const RosterRow& r : rows) {
      update.next.present.Put(r);
      update.events.push_back(EventFor(EventKind::Signed, ListKind::Participating, r));
    }
    int64_t id = 0;
    Status s = store->Record(record, SnapshotStatus::Accepted, update, &id, routes);
    REQUIRE_MESSAGE(s.ok(), s.message());
    return id;
  }
};

TEST_CASE("items are queued with their events — a delivery per target holds each event once") {
  Outbox o;
  o.Publish({Row("FL", "a"), Row("TX", "b")}, {{0, "fl-desk"}, {0, "newsroom"}, {1, "newsroom"}});
  CHECK(test::QueryInt(o.dir.File("icetrack.db"), "SELECT count(*) FROM outbox_items") == 3);
  std::vector<Delivery> made;
  REQUIRE(o.store->QueueDeliveries("2026-01-01T12:05:00Z", &made).ok());
  REQUIRE(made.size() == 2);
  CHECK(made[0].target == "fl-desk");
  CHECK(made[0].events == 1);
  CHECK(made[1].target == "newsroom");
  CHECK(made[1].events == 2);
  CHECK(made[0].id.rfind("msg_", 0) == 0);
  CHECK(made[0].id.size() == 28);
  CHECK(made[0].id != made[1].id);
  // Queued once: the items belong to their delivery now.
  REQUIRE(o.store->QueueDeliveries("2026-01-01T12:06:00Z", &made).ok());
  CHECK(made.empty());
  Delivery d;
  std::vector<StoredEvent> events;
  CHECK_FALSE(o.store->GetDelivery("msg_none", &d, &events).ok());
  std::vector<Delivery> all;
  REQUIRE(o.store->Deliveries(10, &all).ok());
  REQUIRE(all.size() == 2);
  REQUIRE(o.store->GetDelivery(all[0].id, &d, &events).ok());
  CHECK(d.status == DeliveryStatus::Pending);
  CHECK(d.created_at == "2026-01-01T12:05:00Z");
  CHECK(events.size() == static_cast<size_t>(d.events));
  // The next publication's items make a new delivery.
  o.Publish({Row("FL", "a"), Row("TX", "b"), Row("FL", "c")}, {{2, "fl-desk"}});
  REQUIRE(o.store->QueueDeliveries("2026-01-02T12:05:00Z", &made).ok());
  REQUIRE(made.size() == 1);
  REQUIRE(o.store->GetDelivery(made[0].id, &d, &events).ok());
  REQUIRE(events.size() == 1);
  CHECK(events[0].event.agency == "c");
}

TEST_CASE("a route that names no event fails the whole record") {
  Outbox o;
  o.roster.rows = {Row("FL", "a")};
  SnapshotRecord record;
  record.bytes = "PK x";  // a literal: lives as long as the program
  record.sha256 = Sha256Hex(record.bytes);
  record.source_name = "x.xlsx";
  record.published_at = record.observed_at = "2026-01-01T00:00:00Z";
  PackedRoster packed = Pack(o.roster);
  record.roster = &packed;
  ListUpdate update;
  update.next.present.Put(o.roster.rows[0]);
  update.events.push_back(EventFor(EventKind::Signed, ListKind::Participating, o.roster.rows[0]));
  CHECK_FALSE(o.store->Record(record, SnapshotStatus::Accepted, update, nullptr, {{5, "x"}}).ok());
  CHECK(test::QueryInt(o.dir.File("icetrack.db"), "SELECT count(*) FROM events") == 0);
}

TEST_CASE("due deliveries, attempts, a retry by hand and targets switched off") {
  Outbox o;
  o.Publish({Row("FL", "a")}, {{0, "hook"}});
  std::vector<Delivery> made, due;
  REQUIRE(o.store->QueueDeliveries("2026-01-01T12:00:00Z", &made).ok());
  REQUIRE(o.store->DueDeliveries(Time("2026-01-01T11:59:59Z"), &due).ok());
  CHECK(due.empty());
  REQUIRE(o.store->DueDeliveries(Time("2026-01-01T12:00:00Z"), &due).ok());
  REQUIRE(due.size() == 1);
  Delivery d = due[0];
  d.attempts = 1;
  d.last_attempt_at = "2026-01-01T12:00:00Z";
  d.next_attempt_at = "2026-01-01T12:05:00Z";
  d.last_error = "HTTP 500";
  REQUIRE(o.store->RecordAttempt(d).ok());
  REQUIRE(o.store->DueDeliveries(Time("2026-01-01T12:04:59Z"), &due).ok());
  CHECK(due.empty());
  d.status = DeliveryStatus::Failed;
  d.next_attempt_at = "";
  d.last_error = "HTTP 400: bad payload";
  REQUIRE(o.store->RecordAttempt(d).ok());
  REQUIRE(o.store->DueDeliveries(Time("2026-02-01T00:00:00Z"), &due).ok());
  CHECK(due.empty());  // failed for good
  REQUIRE(o.store->RetryDelivery(d.id, "2026-02-01T00:00:00Z").ok());
  REQUIRE(o.store->DueDeliveries(Time("2026-02-01T00:00:00Z"), &due).ok());
  REQUIRE(due.size() == 1);
  CHECK(due[0].attempts == 0);
  CHECK(due[0].schedule_from == "2026-02-01T00:00:00Z");
  CHECK(due[0].created_at == "2026-01-01T12:00:00Z");  // the message's own time stays
  CHECK(due[0].id == d.id);
  CHECK_FALSE(o.store->RetryDelivery("msg_nothing", "2026-02-01T00:00:00Z").ok());
  std::map<std::string, std::string> disabled;
  REQUIRE(o.store->DisableTarget("hook", "HTTP 410 Gone", "2026-02-01T00:00:00Z").ok());
  REQUIRE(o.store->DisabledTargets(&disabled).ok());
  CHECK(disabled == std::map<std::string, std::string>{{"hook", "HTTP 410 Gone"}});
  REQUIRE(o.store->EnableTarget("hook", "2026-02-02T00:00:00Z").ok());
  REQUIRE(o.store->DisabledTargets(&disabled).ok());
  CHECK(disabled.empty());
}

TEST_CASE("notices about the source belong to no snapshot and are queued like events") {
  Outbox o;
  ChangeEvent failing;
  failing.kind = EventKind::SourceFailing;
  failing.key = "https://www.ice.gov/identify-and-arrest/287g";
  failing.detail = "unreadable for 3 runs";
  REQUIRE(o.store->AddNotices({failing}, "2026-01-05T10:00:00Z", {{0, "ops"}}).ok());
  std::vector<StoredEvent> events;
  EventFilter filter;
  filter.kinds = {EventKind::SourceFailing};
  REQUIRE(o.store->Events(filter, &events).ok());
  REQUIRE(events.size() == 1);
  CHECK(events[0].snapshot_id == 0);
  CHECK(events[0].at == "2026-01-05T10:00:00Z");
  CHECK(events[0].uid.size() == 32);
  std::vector<Delivery> made;
  REQUIRE(o.store->QueueDeliveries("2026-01-05T10:00:00Z", &made).ok());
  REQUIRE(made.size() == 1);
  CHECK(made[0].target == "ops");
}

TEST_CASE("a rebuild keeps notices, and drops only the unsent items whose event it dropped") {
  Outbox o;
  o.Publish({Row("FL", "a"), Row("TX", "b")}, {{0, "t"}, {1, "t"}});
  ChangeEvent failing;
  failing.kind = EventKind::SourceFailing;
  failing.key = "https://example.org/287g";
  REQUIRE(o.store->AddNotices({failing}, "2026-01-05T10:00:00Z", {{0, "t"}}).ok());
  std::unique_ptr<Store::Rebuild> rebuild;
  REQUIRE(o.store->BeginRebuild(&rebuild).ok());
  ListUpdate update;  // the same publication, now with one signing only
  for (const RosterRow& r : o.roster.rows) update.next.present.Put(r);
  update.events = {EventFor(EventKind::Signed, ListKind::Participating, o.roster.rows[0])};
  REQUIRE(rebuild->Rerecord(1, Pack(o.roster), SnapshotStatus::Accepted, "", update).ok());
  std::vector<StoredEvent> added, gone;
  REQUIRE(rebuild->Commit(&added, &gone).ok());
  CHECK(added.empty());
  REQUIRE(gone.size() == 1);
  const std::string db = o.dir.File("icetrack.db");
  CHECK(test::QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'source_failing'") == 1);
  CHECK(test::QueryInt(db, "SELECT count(*) FROM outbox_items") == 2);  // a's and the notice's
}

TEST_CASE("what waits for each target: in no delivery yet, or in a pending one, never a delivered one") {
  Outbox o;
  o.Publish({Row("FL", "a"), Row("TX", "b")}, {{0, "fl"}, {0, "all"}, {1, "all"}});
  std::map<std::string, std::vector<StoredEvent>> waiting;
  REQUIRE(o.store->WaitingEvents(&waiting).ok());
  REQUIRE(waiting.size() == 2);
  CHECK(waiting["fl"].size() == 1);
  CHECK(waiting["all"].size() == 2);
  CHECK(waiting["all"][1].event.agency == "b");
  std::vector<Delivery> made;
  REQUIRE(o.store->QueueDeliveries("2026-01-01T12:00:00Z", &made).ok());
  REQUIRE(o.store->WaitingEvents(&waiting).ok());
  CHECK(waiting["all"].size() == 2);  // pending still waits
  Delivery delivered = made[0].target == "all" ? made[0] : made[1];
  delivered.status = DeliveryStatus::Delivered;
  delivered.attempts = 1;
  delivered.delivered_at = "2026-01-01T12:00:01Z";
  REQUIRE(o.store->RecordAttempt(delivered).ok());
  REQUIRE(o.store->WaitingEvents(&waiting).ok());
  CHECK(waiting.count("all") == 0);
  CHECK(waiting["fl"].size() == 1);
}

TEST_CASE("an event queued again under its uid joins the delivery that carried it: never sent twice") {
  Outbox o;
  o.Publish({Row("FL", "a")}, {{0, "t"}});
  std::vector<Delivery> made;
  REQUIRE(o.store->QueueDeliveries("2026-01-01T12:00:00Z", &made).ok());
  REQUIRE(made.size() == 1);
  Delivery d = made[0];
  d.status = DeliveryStatus::Delivered;
  d.attempts = 1;
  d.delivered_at = "2026-01-01T12:00:01Z";
  REQUIRE(o.store->RecordAttempt(d).ok());
  // A rebuild drops the event and a later one brings it back under a new id, the same uid.
  const std::string db = o.dir.File("icetrack.db");
  REQUIRE(test::RunSql(db, "UPDATE events SET id = 99 WHERE id = 1; INSERT INTO outbox_items (target, event_id, uid) "
                   "SELECT 't', 99, uid FROM events WHERE id = 99"));
  REQUIRE(o.store->QueueDeliveries("2026-01-02T12:00:00Z", &made).ok());
  CHECK(made.empty());
  CHECK(test::QueryInt(db, "SELECT count(*) FROM deliveries") == 1);
  CHECK(test::QueryInt(db, "SELECT count(*) FROM outbox_items WHERE delivery_id IS NULL") == 0);
  std::vector<Delivery> all;
  REQUIRE(o.store->Deliveries(10, &all).ok());
  CHECK(all[0].events == 1);
}

TEST_CASE("a delivery id is never used twice, even for the same events") {
  Outbox o;
  o.Publish({Row("FL", "a")}, {{0, "t"}});
  std::vector<Delivery> first, second;
  REQUIRE(o.store->QueueDeliveries("2026-01-01T12:00:00Z", &first).ok());
  const std::string db = o.dir.File("icetrack.db");
  // An item of the same event whose uid is unknown (a database from before uids were kept).
  REQUIRE(test::RunSql(db, "UPDATE outbox_items SET delivery_id = NULL, uid = NULL"));
  REQUIRE(o.store->QueueDeliveries("2026-01-02T12:00:00Z", &second).ok());
  REQUIRE(second.size() == 1);
  CHECK(second[0].id != first[0].id);
}

TEST_CASE("switching a target on makes what it held due now, its schedule begun anew") {
  Outbox o;
  o.Publish({Row("FL", "a")}, {{0, "hook"}});
  std::vector<Delivery> made;
  REQUIRE(o.store->QueueDeliveries("2026-01-01T12:00:00Z", &made).ok());
  REQUIRE(o.store->DisableTarget("hook", "HTTP 410", "2026-01-01T12:00:01Z").ok());
  REQUIRE(o.store->EnableTarget("hook", "2026-03-01T00:00:00Z").ok());
  Delivery d;
  REQUIRE(o.store->GetDelivery(made[0].id, &d, nullptr).ok());
  CHECK(d.schedule_from == "2026-03-01T00:00:00Z");
  CHECK(d.next_attempt_at == "2026-03-01T00:00:00Z");
  CHECK(d.created_at == "2026-01-01T12:00:00Z");
}

TEST_CASE("a source's health is kept with the notices it gave, in one transaction") {
  Outbox o;
  SourceHealth h;
  REQUIRE(o.store->GetSourceHealth("https://example.org/287g", &h).ok());
  CHECK(h.failures == 0);
  CHECK_FALSE(h.reported);
  h = {3, "2026-01-01T10:00:00Z", "HTTP 503 after 4 attempts", true};
  ChangeEvent failing;
  failing.kind = EventKind::SourceFailing;
  failing.key = "https://example.org/287g";
  REQUIRE(o.store->RecordSourceHealth({{"https://example.org/287g", h}}, {failing}, "2026-01-01T12:00:00Z",
                                      {{0, "ops"}}).ok());
  SourceHealth back;
  REQUIRE(o.store->GetSourceHealth("https://example.org/287g", &back).ok());
  CHECK(back.failures == 3);
  CHECK(back.failing_since == "2026-01-01T10:00:00Z");
  CHECK(back.last_error == "HTTP 503 after 4 attempts");
  CHECK(back.reported);
  CHECK(test::QueryInt(o.dir.File("icetrack.db"), "SELECT count(*) FROM outbox_items WHERE target = 'ops'") == 1);
  // A route to no notice fails it all: the health stays as it was.
  SourceHealth good;
  CHECK_FALSE(o.store->RecordSourceHealth({{"https://example.org/287g", good}}, {}, "2026-01-02T12:00:00Z",
                                          {{0, "ops"}}).ok());
  REQUIRE(o.store->GetSourceHealth("https://example.org/287g", &back).ok());
  CHECK(back.failures == 3);
}

}  // namespace
}  // namespace icetrack
