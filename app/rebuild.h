// Rebuild: the change log recomputed from the stored workbooks. Wires
// store -> parser -> diff -> store, the way ingest does, over history.
//
// Promises: every stored publication is read again with the current reader
// and placed and diffed with the current rules, in the order they were
// stored; snapshots' rows and counts, agreements and the whole change log are
// replaced in one transaction (a crash or a kill leaves the old database
// intact). Events found again keep their ids, so nothing already reported
// is reported again; what was added and what disappeared is returned. A
// stored publication that the current reader cannot read stops the rebuild,
// the database untouched.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/ingest.h"
#include "store/store.h"

namespace icetrack {

struct RebuildReport {
  size_t snapshots = 0;                   // publications read again
  std::vector<StoredEvent> added;         // in the new log only, oldest first
  std::vector<StoredEvent> disappeared;   // in the old log only, oldest first
};

// `progress`, when set, is told after each publication (done, of total, its file name).
using RebuildProgress = std::function<void(size_t done, size_t total, const std::string& name)>;
Status RebuildChangeLog(Store* store, const IngestOptions& options, RebuildReport* out,
                        const RebuildProgress& progress = nullptr);

// The rules a change log is built under: the reader's and the diff's
// versions ("2.2"). A database built under others is rebuilt by its next
// writer (EnsureCurrentRules).
std::string CurrentRulesVersion();

// Rebuilds when `store` was built under other rules. `*from` gets the rules
// it was built under when it did ("" for a database from before rules were
// recorded); `*rebuilt` says whether it did.
Status EnsureCurrentRules(Store* store, const IngestOptions& options, bool* rebuilt, std::string* from,
                          RebuildReport* out);

struct AcceptOutcome {
  IngestOutcome snapshot;  // the released snapshot and its events
  bool rebuilt = false;    // later publications were diffed again after it
  RebuildReport rebuild;   // when rebuilt: every event added or gone, the released snapshot's too
};

// Releases a quarantined snapshot: diffs it where it stands in history and
// records it as accepted by hand. With later publications after it, the
// history from there on is rebuilt.
Status AcceptQuarantined(Store* store, int64_t snapshot_id, const IngestOptions& options, AcceptOutcome* out);

}  // namespace icetrack
