// The roster of a date (`icetrack roster`, the exports) for people and
// files: a text table, CSV (report/csv.h) and JSON (docs/roster.schema.json).
//
// Promises: every format has the same columns in the same order
// (RosterColumns), every field as the store keeps it, an unknown value
// empty (null in JSON). Formats only: reads nothing, writes nothing but
// strings; never throws (bytes that are not UTF-8 become U+FFFD in JSON).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/roster_entry.h"
#include "model/snapshot_info.h"
#include "report/json_writer.h"

namespace icetrack {

struct RosterListing {
  ListKind list = ListKind::Participating;
  std::string at;                        // the instant asked for, ISO-8601 UTC
  std::optional<SnapshotInfo> snapshot;  // the publication it comes from; nullopt when none by then
  std::vector<RosterEntry> entries;
};

// "list", "state_code", "state", "agency", "agency_type", "county", "model",
// "signed", "moa_url", "moa_status", "addendum_url", "first_listed",
// "last_changed", "agreement_id", "key".
const std::vector<std::string>& RosterColumns();
std::vector<std::string> RosterFields(const RosterEntry& e);  // in RosterColumns' order

// A byte-order mark, the header line, a line an entry.
std::string RosterCsv(const std::vector<RosterEntry>& entries);
// {"list", "at", "snapshot": {"id", "published_at", "source_name"} | null,
//  "count", "rows": [{column: value, ..., "extra": {header: value}}]}
// (docs/roster.schema.json), into `w`; and the same as a tree.
void WriteRosterListingJson(JsonWriter* w, const RosterListing& listing);
nlohmann::ordered_json RosterListingJson(const RosterListing& listing);
// A line saying which publication it is, then a line an entry:
// "FL  TFM  2025-02-20  Polk County Sheriff's Office (Polk, County)  MOA https://…".
std::string RosterText(const RosterListing& listing);

}  // namespace icetrack
