// Rebuild: the change log recomputed from the stored workbooks. Wires
// store -> parser -> diff -> store, the way ingest does, over history.
//
// Promises: every stored publication is read again with the current reader
// and placed and diffed with the given rules, in the order they were
// published (a late arrival takes its place in history; the order stored
// among equal times); snapshots' rows and counts, agreements and the whole change log are
// replaced in one transaction (a crash or a kill leaves the old database
// intact), and the rules are recorded with them. Events found again keep
// their ids, so nothing already reported is reported again; what was added
// and what disappeared is returned. A stored publication that the current
// reader cannot read stops the rebuild, the database untouched.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/ingest.h"
#include "app/rules.h"
#include "store/store.h"

namespace icetrack {

struct RebuildReport {
  size_t snapshots = 0;                   // publications read again
  std::vector<StoredEvent> added;         // in the new log only, oldest first
  std::vector<StoredEvent> disappeared;   // in the old log only, oldest first
  int64_t unreadable_snapshot = 0;        // on failure: the one the reader could not read, else 0
};

// `progress`, when set, is told after each publication (done, of total, its
// file name). `accept_by_hand`, when not 0, is a quarantined snapshot that a
// reviewer released: marked so in the same transaction, its events queued
// for `options.alerts` in it too.
using RebuildProgress = std::function<void(size_t done, size_t total, const std::string& name)>;
Status RebuildChangeLog(Store* store, const IngestOptions& options, RebuildReport* out,
                        const RebuildProgress& progress = nullptr, int64_t accept_by_hand = 0);

// The rules for a writer: the database's, overridden by `flags`, with this
// icetrack's reader and diff. When they differ from the ones the change log
// was built under, the log is rebuilt under them first (`*rebuilt`; `*was`
// gets the old ones). `*effective` gets the options to write with.
Status EnsureCurrentRules(Store* store, const RuleFlags& flags, IngestOptions* effective, bool* rebuilt,
                          Rules* was, RebuildReport* out);

struct AcceptOutcome {
  IngestOutcome snapshot;  // the released snapshot and its events
  bool rebuilt = false;    // later publications were diffed again after it
  RebuildReport rebuild;   // when rebuilt: every event added or gone, the released snapshot's too
};

// Releases a quarantined snapshot: diffs it where it stands in history and
// records it as accepted by hand (its suspicious_snapshot event stays, as
// history). With later publications after it, the history from there on is
// rebuilt. The caller checks that `snapshot_id` is a quarantined snapshot.
Status AcceptQuarantined(Store* store, int64_t snapshot_id, const IngestOptions& options, AcceptOutcome* out);

}  // namespace icetrack
