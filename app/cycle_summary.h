// What `icetrack run` prints about a cycle: a short text summary, one line
// for the page and one per list, or one JSON document for programs.
//
// Promises: the text names every list the cycle touched, what became of it
// (snapshot id, rows, events by kind) and the lists the page no longer links;
// error lines are not part of it (they go to stderr, see CycleReport::errors).
// The JSON holds all of the report, errors and exit code included, with null
// for what is unknown. Neither reads anything but the report.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/tracking_cycle.h"

namespace icetrack {

// The summary lines. `changes_only` keeps the lines of lists that recorded
// events (a quiet run prints nothing when nothing happened).
std::vector<std::string> CycleSummaryLines(const CycleReport& report, bool changes_only);

// One line for systemd's STATUS=: "2026-03-05T17:00:00Z: participating #12 stored (3 signed), pending not modified".
std::string CycleStatusLine(const CycleReport& report, int exit_code);

// {"source", "started_at", "finished_at", "page": {…}, "workbooks": [{…}],
//  "not_linked": [...], "events": N, "errors": [...], "exit_code": N}
nlohmann::ordered_json CycleJson(const CycleReport& report, int exit_code);

}  // namespace icetrack
