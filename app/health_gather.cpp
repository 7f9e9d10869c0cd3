#include "app/health_gather.h"

#include "app/tracking_cycle.h"
#include "diff/service_health.h"

namespace icetrack {
namespace {

Status GatherList(Store* store, ListKind list, Health* out) {
  ListHealth h;
  Status s = store->GetListHealth(list, &h);
  if (!s.ok() || (!h.last_check && !h.latest && h.quarantined.empty())) return s;  // never seen: not listed
  ListStanding l;
  l.list = list;
  if (h.last_check) l.last_check_at = h.last_check->at;
  if (h.latest) {
    l.latest_published = h.latest->published_at;
    l.latest_snapshot = h.latest->id;
    l.rows = h.latest->rows;
    l.jem = h.latest->jem;
    l.tfm = h.latest->tfm;
    l.wso = h.latest->wso;
    l.no_model = h.latest->no_model;
  }
  for (const SnapshotInfo& q : h.quarantined) l.quarantined.push_back({q.id, q.published_at, q.note});
  out->lists.push_back(std::move(l));
  return Status::Ok();
}

Status GatherOutbox(Store* store, OutboxStanding* out) {
  OutboxHealth h;
  Status s = store->GetOutboxHealth(&h);
  *out = {h.pending, h.failed, h.expired, h.delivered, h.waiting_items, h.oldest_pending, h.next_due};
  return s;
}

}  // namespace

Status GatherHealth(Store* store, const Config& config, UtcTime now, Health* out) {
  *out = Health();
  out->now = FormatIsoTime(now);
  out->page_url = config.page.value_or(CycleOptions().page_url);
  out->interval_seconds = config.interval;
  out->stale_after_seconds = config.stale_after;
  std::optional<FetchRecord> page;
  Status s = store->LatestFetch(out->page_url, &page);
  if (s.ok() && page) {
    out->last_run_at = page->at;
    out->last_run_outcome = ToString(page->outcome);
    out->last_run_error = page->error;
    UtcTime at;
    if (ParseIsoTime(page->at, &at)) out->next_run_due = FormatIsoTime(UtcTime{at.seconds + config.interval});
  }
  for (ListKind list : {ListKind::Participating, ListKind::Pending}) {
    if (s.ok()) s = GatherList(store, list, out);
  }
  if (s.ok()) s = store->AllSourceHealth(&out->sources);
  if (s.ok()) s = GatherOutbox(store, &out->outbox);
  if (s.ok()) s = store->EventCounts(&out->events);
  if (s.ok()) JudgeHealth(now, out);
  return s;
}

}  // namespace icetrack
