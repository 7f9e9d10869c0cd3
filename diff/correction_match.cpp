#include "diff/correction_match.h"

#include "diff/best_pairs.h"

namespace icetrack {

namespace {

// Lower is better; -1 when the rows are not one agreement with a fixed state or model.
int Score(const CorrectionCandidate& gone, const RosterRow& added) {
  const RosterRow& g = *gone.row;
  if (KeyName(g.key) != KeyName(added.key) || g.key == added.key) return -1;
  bool unreadable_model = g.model == Model::Unknown || added.model == Model::Unknown;
  bool model_differs = g.model != added.model || (unreadable_model && g.model_raw != added.model_raw);
  bool unreadable_state = g.state_code.empty() || added.state_code.empty();
  bool state_differs = g.state_code != added.state_code || (unreadable_state && g.state != added.state);
  bool same_date = !g.signed_date.empty() && g.signed_date == added.signed_date;
  if (!state_differs && !model_differs) return -1;
  // A move between two real states, or two real models: only the swap in one
  // publication, the rest of the identity and the SIGNED date unchanged,
  // tells a fix from a namesake or another agreement of the same agency.
  bool known_state_moved = state_differs && !unreadable_state;
  bool known_model_moved = model_differs && !unreadable_model;
  if (known_state_moved || known_model_moved) {
    if (!gone.gone_now || !same_date || (known_state_moved && model_differs) || (known_model_moved && state_differs))
      return -1;
  }
  int score = same_date ? 0 : 2;
  if (g.moa_url.empty() || g.moa_url != added.moa_url) score += 1;
  return score;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> MatchCorrections(const std::vector<CorrectionCandidate>& gone,
                                                        const std::vector<const RosterRow*>& added) {
  return BestPairs(gone.size(), added.size(), [&](size_t g, size_t a) { return Score(gone[g], *added[a]); });
}

}  // namespace icetrack
