// AgreementHistory: one agreement of a list as `icetrack show` tells it — its
// key, how it stands, when it was first and last listed, its current row and
// every event about it (docs/SCHEMA.md, tables agreements and events).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/agreement_status.h"
#include "model/roster.h"
#include "model/stored_event.h"

namespace icetrack {

struct AgreementHistory {
  int64_t id = 0;
  ListKind list = ListKind::Participating;
  std::string key;
  AgreementStatus status = AgreementStatus::Present;
  std::string first_seen, last_seen;
  RosterRow current;                // the latest version of its row
  std::vector<StoredEvent> events;  // oldest first
};

}  // namespace icetrack
