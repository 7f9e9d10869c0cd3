// ListState: what is known about one list just before a new publication:
// the rows of the previous publication, the rows that went missing and are
// not yet confirmed removed, and the agreements confirmed removed. The store
// keeps it; the diff advances it (the whole lifecycle present -> missing ->
// removed -> back is decided there) and returns a ListUpdate for the store to
// record as it is.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/change_event.h"
#include "model/packed_row.h"
#include "model/roster.h"

namespace icetrack {

struct MissingRow {
  RosterRow row;       // as last seen
  int misses = 0;      // consecutive publications without it
  std::string since;   // publication time of the first of them
};

struct RemovedRow {
  RosterRow row;           // as last seen
  std::string since;       // when it went missing
  std::string removed_at;  // the publication that confirmed the removal
};

struct ListState {
  bool has_baseline = false;
  std::set<std::string> fields;               // columns of the previous publication (Roster::fields)
  KeyedRows present;                          // by key, packed: a publication's every row
  std::map<std::string, MissingRow, std::less<>> missing;  // by key (participating list only)
  std::map<std::string, RemovedRow, std::less<>> removed;  // by key (participating list only)
};

// What a diff of one list needs to know of the other list.
struct OtherList {
  // For the participating list: keys ever on the pending list -> first seen there.
  std::map<std::string, std::string> pending_since;
  // For the pending list: keys currently on the participating list (present or missing).
  std::set<std::string> participating;
};

// The outcome of diffing one publication of a list.
struct ListUpdate {
  std::vector<ChangeEvent> events;
  ListState next;                              // the list's state after this publication
  // Agreements that keep their identity under a new key (renamed, or a state
  // or model corrected): new key -> old key.
  std::map<std::string, std::string> rekeyed;
  // Removed agreements whose key a new agreement takes (signed again, or a
  // rename onto it): the store keeps them, under another key, as removed.
  std::set<std::string> retired;
};

}  // namespace icetrack
