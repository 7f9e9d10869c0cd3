// Pairs rows that left a list with rows that joined it in the same
// publication when they are one agreement whose state or model ICE fixed:
// the same agency name (as folded in keys) and
// - a state or model that was unreadable on one side (a typo beyond what the
//   normalizer reads, "N/A"), whatever it is on the other; or
// - another state, with the same model and the same SIGNED date, the old
//   row having gone missing in this very publication (ICE listing an agency
//   under a wrong state and moving it); or, the same way, another model in
//   the same state (ICE fixing a model it had written wrong).
// Two real agencies can share a name in two states (Lake Placid NY and FL):
// without the same SIGNED date and the swap in one publication they stay
// two agreements. Each row is used at most once; best pairs first (the same
// SIGNED date, then the same MOA URL).
#pragma once

#include <utility>
#include <vector>

#include "model/roster.h"

namespace icetrack {

struct CorrectionCandidate {
  const RosterRow* row = nullptr;
  bool gone_now = false;  // left in this publication (else: missing since an earlier one)
};

// Returns (gone index, added index) pairs.
std::vector<std::pair<size_t, size_t>> MatchCorrections(const std::vector<CorrectionCandidate>& gone,
                                                        const std::vector<const RosterRow*>& added);

}  // namespace icetrack
