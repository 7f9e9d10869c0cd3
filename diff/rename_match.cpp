#include "diff/rename_match.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "diff/best_pairs.h"
#include "model/edit_distance.h"

namespace icetrack {

namespace {

// Words of a name that tell agencies apart ("polk"), not the generic ones ("county").
std::set<std::string> DistinctiveWords(const std::string& name) {
  static const std::set<std::string> kGeneric = {
      "county", "sheriff", "sheriffs", "office", "police", "department", "dept", "city", "town",
      "of", "the", "and", "state", "parish", "corrections", "correctional", "jail", "detention",
      "village", "borough", "township", "co", "so", "pd", "marshal", "marshals", "public",
      "safety", "highway", "patrol", "division", "bureau", "agency", "s", "law", "enforcement",
      "center", "facility", "services", "service", "regional", "authority", "commission"};
  // A typo of a generic word ("polce", "departmnt") is generic too.
  auto generic = [](const std::string& w) {
    if (kGeneric.count(w)) return true;
    if (w.size() < 5) return false;
    int limit = w.size() >= 8 ? 2 : 1;
    return std::any_of(kGeneric.begin(), kGeneric.end(), [&](const std::string& g) {
      return g.size() >= 5 && EditDistance(w, g, limit) <= limit;
    });
  };
  std::set<std::string> out;
  std::istringstream in(name);
  for (std::string w; in >> w;) {
    if (!generic(w)) out.insert(w);
  }
  return out;
}

std::string Joined(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// "precinct 1" and "precinct 2" are two agencies, whatever else they share.
std::set<std::string> Numbers(const std::string& name) {
  std::set<std::string> out;
  std::istringstream in(name);
  for (std::string w; in >> w;) {
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) out.insert(w);
  }
  return out;
}

// Lower-case words of free text ("NEW MEXICO" -> {"new", "mexico"}).
std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  std::string word;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      out.insert(word);
      word.clear();
    }
  }
  return out;
}

bool Includes(const std::set<std::string>& big, const std::set<std::string>& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

// Lower is better; -1 when the two rows are not one agency.
int Score(const RosterRow& gone, const RosterRow& added) {
  if (gone.state_code.empty() || gone.state_code != added.state_code || gone.model != added.model)
    return -1;
  std::string a = KeyName(gone.key), b = KeyName(added.key);
  if (Numbers(a) != Numbers(b)) return -1;
  if (!gone.moa_url.empty() && gone.moa_url == added.moa_url) return 100;  // the same agreement file
  std::set<std::string> wa = DistinctiveWords(a), wb = DistinctiveWords(b);
  // Same distinctive words: only the generic ones changed ("Sherriff", "Dept.").
  if (wa == wb) return wa.empty() ? -1 : 10 + EditDistance(a, b, 50);
  // A typo in a distinctive word ("Neuces" / "Nueces"), but not another town ("Milford" / "Milton").
  std::string ja = Joined(wa), jb = Joined(wb);
  int limit = std::max<int>(1, static_cast<int>(std::min(ja.size(), jb.size()) / 8));
  if (!wa.empty() && wa.size() == wb.size() && EditDistance(ja, jb, limit) <= limit) return EditDistance(ja, jb, limit);
  // One name is the other plus the state's name ("Office of the Attorney General" /
  // "Texas Office of the Attorney General"); any other extra word may be another
  // agency of the same place ("Pinal County Sheriff" / "Pinal County Attorney").
  std::set<std::string> state = Words(gone.state + " " + added.state);
  std::set<std::string> more = wa.size() > wb.size() ? wa : wb, less = wa.size() > wb.size() ? wb : wa;
  bool nested = Includes(more, less) &&
                std::all_of(more.begin(), more.end(), [&](const std::string& w) { return less.count(w) || state.count(w); });
  if (nested && !gone.signed_date.empty() && gone.signed_date == added.signed_date) return 200;
  return -1;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> MatchRenames(const std::vector<const RosterRow*>& gone,
                                                    const std::vector<const RosterRow*>& added) {
  return BestPairs(gone.size(), added.size(), [&](size_t g, size_t a) { return Score(*gone[g], *added[a]); });
}

}  // namespace icetrack
