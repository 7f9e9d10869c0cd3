// The alerts' outbox (see Store in store.h): items queued with their events,
// deliveries made of them, and what each attempt gave.
#include <map>
#include <vector>

#include "store/event_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace icetrack {

namespace {

const char* kDeliveryColumns =
    "d.id, d.target, d.created_at, d.schedule_from, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, "
    "d.delivered_at, d.last_error, (SELECT count(DISTINCT i.uid) FROM outbox_items i WHERE i.delivery_id = d.id)";

Delivery ReadDelivery(const sql::Statement& st) {
  Delivery d;
  d.id = st.Text(0);
  d.target = st.Text(1);
  d.created_at = st.Text(2);
  d.schedule_from = st.Text(3);
  ParseDeliveryStatus(st.Text(4), &d.status);
  d.attempts = static_cast<int>(st.Int(5));
  d.next_attempt_at = st.Text(6);
  d.last_attempt_at = st.Text(7);
  d.delivered_at = st.Text(8);
  d.last_error = st.Text(9);
  d.events = static_cast<int>(st.Int(10));
  return d;
}

// "msg_" and 24 hex digits of SHA-256 over the target and its events' uids
// (and, should that id be taken, a count: an id is never used twice).
std::string DeliveryId(const std::string& target, const std::vector<std::string>& uids, int taken) {
  std::string identity = target;
  for (const std::string& uid : uids) identity += "\x1f" + uid;
  if (taken > 0) identity += "\x1e" + std::to_string(taken);
  return "msg_" + Sha256Hex(identity).substr(0, 24);
}

}  // namespace

Status Store::QueueDeliveries(const std::string& now, std::vector<Delivery>* made) {
  made->clear();
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  // An event a delivery already carried (by uid) joins it, never a second message.
  Status s = db_->Exec(
      "UPDATE outbox_items SET delivery_id = (SELECT o.delivery_id FROM outbox_items o WHERE o.target = "
      "outbox_items.target AND o.uid = outbox_items.uid AND o.delivery_id IS NOT NULL LIMIT 1) "
      "WHERE delivery_id IS NULL AND uid IS NOT NULL AND EXISTS (SELECT 1 FROM outbox_items o WHERE o.target = "
      "outbox_items.target AND o.uid = outbox_items.uid AND o.delivery_id IS NOT NULL)");
  if (!s.ok()) return s;
  std::map<std::string, std::vector<std::pair<int64_t, std::string>>> waiting;  // target -> (event id, uid)
  auto items = db_->Prepare(
      "SELECT i.target, i.event_id, e.uid FROM outbox_items i JOIN events e ON e.id = i.event_id "
      "WHERE i.delivery_id IS NULL ORDER BY i.target, i.event_id");
  while (items->Step()) waiting[items->Text(0)].emplace_back(items->Int(1), items->Text(2));
  if (!items->status().ok()) return items->status();
  auto insert = db_->Prepare(
      "INSERT INTO deliveries (id, target, created_at, schedule_from, status, next_attempt_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  auto assign = db_->Prepare("UPDATE outbox_items SET delivery_id = ? WHERE target = ? AND event_id = ?");
  auto exists = db_->Prepare("SELECT 1 FROM deliveries WHERE id = ?");
  for (const auto& [target, events] : waiting) {
    std::vector<std::string> uids;
    for (const auto& [id, uid] : events) uids.push_back(uid);
    Delivery d;
    for (int taken = 0;; ++taken) {
      d.id = DeliveryId(target, uids, taken);
      exists->BindText(1, d.id);
      bool used = exists->Step();
      if (!exists->status().ok()) return exists->status();
      exists->Reset();
      if (!used) break;
    }
    d.target = target;
    d.created_at = d.schedule_from = d.next_attempt_at = now;
    d.events = static_cast<int>(events.size());
    s = insert->BindText(1, d.id).BindText(2, target).BindText(3, now).BindText(4, now)
                   .BindText(5, ToString(DeliveryStatus::Pending)).BindText(6, now).Run();
    for (size_t i = 0; s.ok() && i < events.size(); ++i)
      s = assign->BindText(1, d.id).BindText(2, target).Bind(3, events[i].first).Run();
    if (!s.ok()) return s;
    made->push_back(std::move(d));
  }
  return tx.Commit();
}

Status Store::DueDeliveries(UtcTime now, std::vector<Delivery>* out) {
  out->clear();
  auto st = db_->Prepare(std::string("SELECT ") + kDeliveryColumns +
                         " FROM deliveries d WHERE d.status = ? AND unixepoch(d.next_attempt_at) <= ? "
                         "ORDER BY unixepoch(d.created_at), d.id");
  st->BindText(1, ToString(DeliveryStatus::Pending)).Bind(2, now.seconds);
  while (st->Step()) out->push_back(ReadDelivery(*st));
  return st->status();
}

Status Store::Deliveries(int limit, std::vector<Delivery>* out) {
  out->clear();
  auto st = db_->Prepare(std::string("SELECT ") + kDeliveryColumns +
                         " FROM deliveries d ORDER BY unixepoch(d.created_at) DESC, d.id DESC LIMIT ?");
  st->Bind(1, int64_t{limit});
  while (st->Step()) out->push_back(ReadDelivery(*st));
  return st->status();
}

Status Store::GetDelivery(const std::string& id, Delivery* out, std::vector<StoredEvent>* events) {
  auto st = db_->Prepare(std::string("SELECT ") + kDeliveryColumns + " FROM deliveries d WHERE d.id = ?");
  st->BindText(1, id);
  if (!st->Step()) return st->status().ok() ? Status::Error(path() + ": no delivery " + id) : st->status();
  *out = ReadDelivery(*st);
  if (!events) return Status::Ok();
  events->clear();
  auto rows = db_->Prepare(std::string("SELECT ") + kEventColumns +
                           " FROM events e JOIN outbox_items i ON i.event_id = e.id WHERE i.delivery_id = ? "
                           "ORDER BY unixepoch(e.at), e.id");
  rows->BindText(1, id);
  while (rows->Step()) events->push_back(ReadEvent(*rows));
  return rows->status();
}

Status Store::RecordAttempt(const Delivery& d) {
  auto st = db_->Prepare(
      "UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_attempt_at = ?, delivered_at = ?, "
      "last_error = ? WHERE id = ?");
  st->BindText(1, ToString(d.status)).Bind(2, int64_t{d.attempts}).Bind(3, d.next_attempt_at)
      .Bind(4, d.last_attempt_at).Bind(5, d.delivered_at).Bind(6, d.last_error).BindText(7, d.id);
  return st->Run();
}

Status Store::RetryDelivery(const std::string& id, const std::string& now) {
  Delivery d;
  Status s = GetDelivery(id, &d, nullptr);
  if (!s.ok()) return s;
  auto st = db_->Prepare(
      "UPDATE deliveries SET status = ?, attempts = 0, schedule_from = ?, next_attempt_at = ? WHERE id = ?");
  return st->BindText(1, ToString(DeliveryStatus::Pending)).BindText(2, now).BindText(3, now).BindText(4, id).Run();
}

Status Store::DisableTarget(const std::string& name, const std::string& reason, const std::string& at) {
  auto st = db_->Prepare("INSERT OR REPLACE INTO alert_targets (name, disabled_at, disabled_reason) VALUES (?, ?, ?)");
  return st->BindText(1, name).BindText(2, at).BindText(3, reason).Run();
}

Status Store::EnableTarget(const std::string& name, const std::string& now) {
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  auto st = db_->Prepare("DELETE FROM alert_targets WHERE name = ?");
  Status s = st->BindText(1, name).Run();
  // What it held waits no longer, and its retry schedule starts now: not expired on its first failure.
  auto held = db_->Prepare(
      "UPDATE deliveries SET schedule_from = ?, next_attempt_at = ? WHERE target = ? AND status = ?");
  if (s.ok()) s = held->BindText(1, now).BindText(2, now).BindText(3, name).BindText(4, ToString(DeliveryStatus::Pending)).Run();
  if (s.ok()) s = tx.Commit();
  return s;
}

Status Store::DisabledTargets(std::map<std::string, std::string>* out) {
  out->clear();
  auto st = db_->Prepare("SELECT name, disabled_reason FROM alert_targets WHERE disabled_at IS NOT NULL");
  while (st->Step()) (*out)[st->Text(0)] = st->Text(1);
  return st->status();
}

}  // namespace icetrack

namespace icetrack {

Status Store::WaitingEvents(std::map<std::string, std::vector<StoredEvent>>* by_target) {
  by_target->clear();
  auto st = db_->Prepare(std::string("SELECT ") + kEventColumns + ", i.target" +
                         " FROM outbox_items i JOIN events e ON e.id = i.event_id"
                         " LEFT JOIN deliveries d ON d.id = i.delivery_id"
                         " WHERE i.delivery_id IS NULL OR d.status = ?"
                         " ORDER BY i.target, unixepoch(e.at), e.id");
  st->BindText(1, ToString(DeliveryStatus::Pending));
  while (st->Step()) (*by_target)[st->Text(17)].push_back(ReadEvent(*st));  // i.target follows the event
  return st->status();
}

Status Store::GetSourceHealth(const std::string& source, SourceHealth* out) {
  *out = SourceHealth();
  auto st = db_->Prepare("SELECT failures, failing_since, last_error, reported FROM source_health WHERE source = ?");
  st->BindText(1, source);
  if (st->Step()) {
    out->failures = static_cast<int>(st->Int(0));
    out->failing_since = st->Text(1);
    out->last_error = st->Text(2);
    out->reported = st->Int(3) != 0;
  }
  return st->status();
}

Status Store::RecordSourceHealth(const std::map<std::string, SourceHealth>& health,
                                 const std::vector<ChangeEvent>& notices, const std::string& at,
                                 const std::vector<AlertRoute>& routes) {
  sql::Transaction tx(db_.get());
  if (!tx.status().ok()) return tx.status();
  auto write = db_->Prepare(
      "INSERT OR REPLACE INTO source_health (source, failures, failing_since, last_error, reported) "
      "VALUES (?, ?, ?, ?, ?)");
  Status s;
  for (const auto& [source, h] : health) {
    if (s.ok())
      s = write->BindText(1, source).Bind(2, int64_t{h.failures}).Bind(3, h.failing_since).Bind(4, h.last_error)
              .Bind(5, int64_t{h.reported ? 1 : 0}).Run();
  }
  std::vector<int64_t> event_ids;
  if (s.ok()) s = WriteEvents(0, at, notices, {}, &event_ids);
  if (s.ok()) s = WriteRoutes(event_ids, routes);
  if (s.ok()) s = tx.Commit();
  return s;
}

}  // namespace icetrack
