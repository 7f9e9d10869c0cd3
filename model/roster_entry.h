// RosterEntry: one agreement (or pending application) as the roster of
// some date lists it, with when it was first listed and when its row last
// changed. What `icetrack roster` prints, what stats count and the exports carry.
#pragma once

#include <cstdint>
#include <string>

#include "model/roster.h"

namespace icetrack {

struct RosterEntry {
  int64_t agreement_id = 0;
  ListKind list = ListKind::Participating;
  RosterRow row;              // every normalized field, as that publication had it
  std::string first_listed;   // publication time of the agreement's first snapshot (ISO-8601 UTC)
  std::string last_changed;   // publication time where this content of its row first appeared
};

}  // namespace icetrack
