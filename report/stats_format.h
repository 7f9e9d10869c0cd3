// What `icetrack stats` prints: the counts of one date as a sentence a
// journalist can quote ("588 agreements across 40 states, 83 pending,
// Florida 257 (44 %)"), a table, JSON or CSV.
//
// Promises: every number comes from the tallies given (model/roster_tally.h);
// an agreement is a row of the list (one per agency and model, as ICE counts
// its MOAs); a list whose newest publication is over a week older than the
// date asked for is said to be, with its age. Formats only; never throws.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/roster_tally.h"
#include "model/snapshot_info.h"
#include "model/utc_time.h"

namespace icetrack {

// Older than this, a list's publication is said to be so, with its age.
inline constexpr int64_t kStaleAfterSeconds = 7 * 86400;

// Whole days between a publication and `at` when over kStaleAfterSeconds;
// nullopt when fresh, absent or undated.
std::optional<int64_t> StaleDays(const std::optional<SnapshotInfo>& s, UtcTime at);

struct StatsReport {
  UtcTime at;                                   // the last instant counted
  Grouping by = Grouping::Model;
  TallyOrder order = TallyOrder::Count;
  std::optional<SnapshotInfo> participating, pending;  // the publications counted
  RosterTally groups;          // the participating list, grouped as asked
  RosterTally by_state;        // ... by state, for the sentence
  RosterTally pending_groups;  // the pending list, grouped as asked
};

// "588 agreements across 40 states, 83 pending, Florida 257 (44 %)"; no
// pending part when no pending list was published by then.
std::string StatsHeadline(const StatsReport& r);
std::string StatsText(const StatsReport& r);
nlohmann::ordered_json StatsJson(const StatsReport& r);
// A byte-order mark, "group,name,agreements,agencies,share,pending", a line a group, then "total".
std::string StatsCsv(const StatsReport& r);

}  // namespace icetrack
