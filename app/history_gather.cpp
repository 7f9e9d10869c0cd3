#include "app/history_gather.h"

#include <algorithm>

#include "fetcher/download.h"

namespace icetrack {

namespace {

Status GatherTimeline(Store* store, UtcTime before, std::vector<SnapshotInfo>* out) {
  std::vector<SnapshotInfo> all;
  Status s = store->Snapshots(&all);
  for (const SnapshotInfo& snapshot : all) {
    UtcTime published;
    if (snapshot.list != ListKind::Participating || snapshot.status != SnapshotStatus::Accepted ||
        !ParseIsoTime(snapshot.published_at, &published) || published.seconds >= before.seconds)
      continue;
    out->push_back(snapshot);
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const SnapshotInfo& a, const SnapshotInfo& b) { return a.published_at < b.published_at; });
  return s;
}

// The kept copies of the documents the roster links: the newest PDF each served.
Status GatherDocuments(Store* store, const std::vector<RosterEntry>& entries,
                       std::map<std::string, LocalDocument>* out) {
  std::map<std::string, MoaDocument> known;
  Status s = store->MoaDocuments(&known);
  for (const RosterEntry& e : entries) {
    for (const std::string* url : {&e.row.moa_url, &e.row.addendum_url}) {
      auto it = known.find(*url);
      if (it == known.end() || it->second.sha256.empty()) continue;
      const std::string& sha = it->second.sha256;
      (*out)[*url] = {sha, "moa/" + sha.substr(0, 12) + "_" + SafeFileName(*url, "document.pdf")};
    }
  }
  return s;
}

}  // namespace

Status GatherHistory(Store* store, UtcTime before, std::optional<UtcTime> since, HistoryExport* out) {
  out->at = FormatIsoTime(UtcTime{before.seconds - 1});
  out->since = since ? FormatIsoTime(*since) : "";
  out->roster.at = out->at;
  RosterQuery query;
  query.before = before;
  Status s = store->RosterAt(query, &out->roster.snapshot, &out->roster.entries);
  query.list = ListKind::Pending;
  if (s.ok()) s = store->RosterAt(query, &out->pending, &out->pending_entries);
  if (s.ok()) s = GatherTimeline(store, before, &out->timeline);
  EventFilter filter;
  filter.since = since;
  filter.until = before;
  if (s.ok()) s = store->Events(filter, &out->events);
  std::reverse(out->events.begin(), out->events.end());  // the store gives the newest first
  if (s.ok()) s = GatherDocuments(store, out->roster.entries, &out->documents);
  return s;
}

}  // namespace icetrack
