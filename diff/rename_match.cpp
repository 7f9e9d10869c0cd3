#include "diff/rename_match.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include "model/edit_distance.h"

namespace icetrack {

namespace {

// The folded name inside a key: "FL|polk county sheriffs office|JEM#2" -> "polk county sheriffs office".
std::string NameOf(const std::string& key) {
  size_t a = key.find('|');
  size_t b = key.rfind('|');
  if (a == std::string::npos || b == a) return key;
  return key.substr(a + 1, b - a - 1);
}

// Words of a name that tell agencies apart ("polk"), not the generic ones ("county").
std::set<std::string> DistinctiveWords(const std::string& name) {
  static const std::set<std::string> kGeneric = {
      "county", "sheriff", "sheriffs", "office", "police", "department", "dept", "city", "town",
      "of", "the", "and", "state", "parish", "corrections", "correctional", "jail", "detention",
      "village", "borough", "township", "co", "so", "pd", "marshal", "marshals", "public",
      "safety", "highway", "patrol", "division", "bureau", "agency", "s", "law", "enforcement",
      "center", "facility", "services", "service", "regional", "authority", "commission"};
  std::set<std::string> out;
  std::istringstream in(name);
  for (std::string w; in >> w;) {
    if (!kGeneric.count(w)) out.insert(w);
  }
  return out;
}

bool ShareWord(const std::string& a, const std::string& b) {
  std::set<std::string> wa = DistinctiveWords(a), wb = DistinctiveWords(b);
  return std::any_of(wa.begin(), wa.end(), [&](const std::string& w) { return wb.count(w) > 0; });
}

// Lower is better; -1 when the two rows are not one agency.
int Score(const RosterRow& gone, const RosterRow& added) {
  if (gone.state_code.empty() || gone.state_code != added.state_code || gone.model != added.model)
    return -1;
  std::string a = NameOf(gone.key), b = NameOf(added.key);
  int limit = std::max<int>(2, static_cast<int>(std::min(a.size(), b.size()) / 8));
  int distance = EditDistance(a, b, limit);
  if (distance <= limit) return distance;                              // near-identical name
  if (!gone.moa_url.empty() && gone.moa_url == added.moa_url) return 100;  // same agreement file
  if (!gone.signed_date.empty() && gone.signed_date == added.signed_date && ShareWord(a, b))
    return 200;  // same signing day, and a name word in common
  return -1;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> MatchRenames(const std::vector<const RosterRow*>& gone,
                                                    const std::vector<const RosterRow*>& added) {
  std::vector<std::tuple<int, size_t, size_t>> candidates;
  for (size_t g = 0; g < gone.size(); ++g) {
    for (size_t a = 0; a < added.size(); ++a) {
      int score = Score(*gone[g], *added[a]);
      if (score >= 0) candidates.emplace_back(score, g, a);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<bool> gone_used(gone.size()), added_used(added.size());
  std::vector<std::pair<size_t, size_t>> pairs;
  for (auto [score, g, a] : candidates) {
    if (gone_used[g] || added_used[a]) continue;
    gone_used[g] = added_used[a] = true;
    pairs.emplace_back(g, a);
  }
  return pairs;
}

}  // namespace icetrack
