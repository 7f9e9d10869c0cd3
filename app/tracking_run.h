// TrackOnce: one run as `icetrack run` and the daemon make it — the writer's
// lock and the store, the tracking cycle (app/tracking_cycle.h), the health
// of the sources and its notices, the alerts that are due, the report site
// (app/report_site.h), the metrics file.
// Wiring only; what it says is for the caller to print or log.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/moa_text.h"
#include "app/tracking_cycle.h"
#include "model/moa_document.h"
#include "model/delivery.h"
#include "net/http_client.h"

namespace icetrack {

struct TrackSettings {
  std::string db;                     // resolved (app/config.h: DatabasePath)
  RuleFlags rules;                    // merged over [rules]
  CycleOptions cycle;                 // the page and the retry budget; its ingest options are filled here
  HttpClientOptions http;             // user_agent and timeouts
  bool deliver = true;                // send what is due at the end
  std::string metrics_file;           // "" for none
  std::string report_dir;             // the report site to refresh after the run; "" for none
  Language report_language = Language::English;
  bool archive_moa = false;           // check the MOA documents after the cycle (app/moa_archive.h)
  double moa_delay = 1;               // seconds between two of those requests
  int64_t moa_recheck_after = 7 * 86400;  // seconds before a document is asked for again
  int64_t moa_pending_for = 21 * 86400;   // seconds a link is pending before its MOA is looked for
  std::string pdftotext = kPdfTextProgram;  // the program that reads the documents' text
  std::function<bool()> cancelled;    // true: stop (the daemon told to); the store stays consistent
};

struct TrackResult {
  CycleReport report;
  DeliveryPass pass;
  bool stopped = false;               // cancelled before its end: sources and alerts left for next time
  std::optional<MoaCheckTally> moa;   // when the MOA documents were checked
  std::vector<std::string> problems;  // one line each, not the cycle's own errors (see CycleReport::errors)
  std::vector<std::string> warnings;  // one line each, no bearing on the exit code (e.g. no pdftotext)
};

// The run's exit code (README: exit codes). When the store cannot be opened
// (locked: kExitLocked) the error is printed by OpenStoreForWriting.
int TrackOnce(const TrackSettings& settings, const Config& config, TrackResult* out);

}  // namespace icetrack
