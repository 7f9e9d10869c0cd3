// What `icetrack status` and the metrics read: how each list, source and
// the outbox stand (see Store in store.h).
#include "store/record_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace icetrack {

namespace {

// "'ok', 'not_modified', …": the outcomes of a fetch that read a workbook or found it unchanged.
std::string CheckedOutcomes() {
  std::string out;
  for (FetchOutcome o : {FetchOutcome::Ok, FetchOutcome::NotModified, FetchOutcome::Duplicate, FetchOutcome::Quarantined})
    out += std::string(out.empty() ? "'" : ", '") + ToString(o) + "'";
  return out;
}

}  // namespace

Status Store::GetListHealth(ListKind list, ListHealth* out) {
  *out = ListHealth();
  out->list = list;
  auto check = db_->Prepare(std::string("SELECT ") + kFetchColumns + " FROM fetches WHERE id = (SELECT f.id FROM "
                            "fetches f JOIN snapshots s ON s.id = f.snapshot_id WHERE s.list = ? AND f.outcome IN (" +
                            CheckedOutcomes() + ") ORDER BY f.id DESC LIMIT 1)");
  check->BindText(1, ToString(list));
  if (check->Step()) out->last_check = ReadFetch(*check);
  if (!check->status().ok()) return check->status();
  Status s = LatestAccepted(list, &out->latest);
  if (!s.ok()) return s;
  auto held = db_->Prepare(std::string("SELECT ") + kSnapshotColumns +
                           " FROM snapshots WHERE list = ? AND status = ? ORDER BY id");
  held->BindText(1, ToString(list)).BindText(2, ToString(SnapshotStatus::Quarantined));
  while (held->Step()) out->quarantined.push_back(ReadSnapshot(*held));
  return held->status();
}

Status Store::GetOutboxHealth(OutboxHealth* out) {
  *out = OutboxHealth();
  auto counts = db_->Prepare("SELECT status, count(*) FROM deliveries GROUP BY status");
  while (counts->Step()) {
    DeliveryStatus status;
    if (!ParseDeliveryStatus(counts->Text(0), &status)) continue;
    int n = static_cast<int>(counts->Int(1));
    switch (status) {
      case DeliveryStatus::Pending: out->pending = n; break;
      case DeliveryStatus::Failed: out->failed = n; break;
      case DeliveryStatus::Expired: out->expired = n; break;
      case DeliveryStatus::Delivered: out->delivered = n; break;
    }
  }
  if (!counts->status().ok()) return counts->status();
  auto pending = db_->Prepare(
      "SELECT (SELECT created_at FROM deliveries WHERE status = ?1 ORDER BY unixepoch(created_at) LIMIT 1), "
      "(SELECT next_attempt_at FROM deliveries WHERE status = ?1 ORDER BY unixepoch(next_attempt_at) LIMIT 1), "
      "(SELECT count(*) FROM outbox_items WHERE delivery_id IS NULL)");
  pending->BindText(1, ToString(DeliveryStatus::Pending));
  if (pending->Step()) {
    out->oldest_pending = pending->Text(0);
    out->next_due = pending->Text(1);
    out->waiting_items = static_cast<int>(pending->Int(2));
  }
  return pending->status();
}

Status Store::AllSourceHealth(std::map<std::string, SourceHealth>* out) {
  out->clear();
  auto st = db_->Prepare("SELECT source, failures, failing_since, last_error, reported FROM source_health");
  while (st->Step())
    (*out)[st->Text(0)] = SourceHealth{static_cast<int>(st->Int(1)), st->Text(2), st->Text(3), st->Int(4) != 0};
  return st->status();
}

Status Store::EventCounts(std::map<EventKind, int64_t>* out) {
  out->clear();
  for (EventKind k : AllEventKinds()) (*out)[k] = 0;
  auto st = db_->Prepare("SELECT kind, count(*) FROM events GROUP BY kind");
  while (st->Step()) {
    EventKind kind;
    if (ParseEventKind(st->Text(0), &kind)) (*out)[kind] = st->Int(1);
  }
  return st->status();
}

Status Store::LatestFetch(const std::string& url, std::optional<FetchRecord>* out) {
  out->reset();
  auto st = db_->Prepare(std::string("SELECT ") + kFetchColumns + " FROM fetches WHERE url = ? ORDER BY id DESC LIMIT 1");
  st->BindText(1, url);
  if (st->Step()) *out = ReadFetch(*st);
  return st->status();
}

}  // namespace icetrack
