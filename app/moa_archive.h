// ArchiveMoas (`run --archive-moa`, `backfill --archive-moa`, [source]
// archive_moa): the MOA and addendum documents the participating roster
// links, downloaded and kept, each URL checked again after a while.
// Wiring only: the roster from the store, the requests through net/, the
// events recorded with the check (store: RecordMoaCheck).
//
// Promises: a URL new to the roster is downloaded; a known one is asked
// again (conditionally) once `recheck_after` has passed since its last
// check; requests are `delay` apart. A body that does not start with
// "%PDF-" is refused, never kept (one over the client's max_body_bytes
// fails, and is asked for again next time). A known URL that now serves other bytes than its last PDF is a
// moa_document_changed event; a 404 or 410 is a moa_missing event, once
// until it serves a PDF again. Network failures are counted and retried
// next time, never events. Then the agreements whose link is pending are
// probed (app/moa_probe.h), and every stored document whose text was never
// read is read (app/moa_text.h) for `moa --grep`: one that cannot be is
// noted and not read again; without pdftotext, the texts wait for a later
// pass (`MoaArchiveReport::warning` says so). Fails only when the store does.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "alerts/alert_target.h"
#include "app/moa_text.h"
#include "model/change_event.h"
#include "model/moa_document.h"
#include "model/status.h"
#include "net/http_client.h"
#include "store/store.h"

namespace icetrack {

struct MoaArchiveOptions {
  int64_t recheck_after = 7 * 86400;  // seconds
  double delay = 1;                   // seconds between two requests
  std::vector<AlertTarget> alerts;    // told of the events, as a run's are
  std::string now;                    // ISO-8601 UTC; now when empty
  int64_t pending_for = 21 * 86400;   // seconds a link is pending before its MOA is looked for
  int max_probes = 20;                // predicted URLs asked for in one pass, at most
  PdfTextOptions text;                // how the documents' text is read
  int max_texts = 200;                // documents whose text is read in one pass, at most (the rest next pass)
  std::function<bool()> cancelled;    // true: stop (the daemon told to); what is done is recorded
};

struct MoaArchiveReport {
  MoaCheckTally tally;
  std::vector<ChangeEvent> events;
  std::string warning;  // e.g. pdftotext is not installed: the texts wait
};

Status ArchiveMoas(Store* store, const HttpClient& client, const MoaArchiveOptions& options, MoaArchiveReport* out);

}  // namespace icetrack
