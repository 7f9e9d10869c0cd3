#include "diff/rename_match.h"

#include <algorithm>
#include <cctype>
#include <optional>
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

// What the score reads of a row's name: worked out once a row, not once a
// pair (a publication with many rows gone and added compares every pair of
// one state and model; the words of each name took most of that).
struct Name {
  std::string text;                     // the folded name of the key
  std::set<std::string> numbers, words;  // Numbers and DistinctiveWords of it
  std::string joined;                   // the words, joined
};

Name NameOf(const RosterRow& row) {
  Name n;
  n.text = KeyName(row.key);
  n.numbers = Numbers(n.text);
  n.words = DistinctiveWords(n.text);
  n.joined = Joined(n.words);
  return n;
}

// The Name of each of `rows`, made when first asked for.
class Names {
 public:
  explicit Names(const std::vector<const RosterRow*>& rows) : rows_(rows), names_(rows.size()) {}
  const Name& operator[](size_t i) {
    if (!names_[i]) names_[i] = NameOf(*rows_[i]);
    return *names_[i];
  }

 private:
  const std::vector<const RosterRow*>& rows_;
  std::vector<std::optional<Name>> names_;
};

// Lower is better; -1 when the two rows are not one agency.
int Score(const RosterRow& gone, Names& gone_names, size_t g, const RosterRow& added, Names& added_names, size_t a) {
  if (gone.state_code.empty() || gone.state_code != added.state_code || gone.model != added.model)
    return -1;
  const Name& na = gone_names[g];
  const Name& nb = added_names[a];
  if (na.numbers != nb.numbers) return -1;
  if (!gone.moa_url.empty() && gone.moa_url == added.moa_url) return 100;  // the same agreement file
  const std::set<std::string>& wa = na.words;
  const std::set<std::string>& wb = nb.words;
  // Same distinctive words: only the generic ones changed ("Sherriff", "Dept.").
  if (wa == wb) return wa.empty() ? -1 : 10 + EditDistance(na.text, nb.text, 50);
  // A typo in a distinctive word ("Neuces" / "Nueces"), but not another town ("Milford" / "Milton").
  const std::string& ja = na.joined;
  const std::string& jb = nb.joined;
  int limit = std::max<int>(1, static_cast<int>(std::min(ja.size(), jb.size()) / 8));
  if (!wa.empty() && wa.size() == wb.size() && EditDistance(ja, jb, limit) <= limit) return EditDistance(ja, jb, limit);
  // One name is the other plus the state's name ("Office of the Attorney General" /
  // "Texas Office of the Attorney General"); any other extra word may be another
  // agency of the same place ("Pinal County Sheriff" / "Pinal County Attorney").
  std::set<std::string> state = Words(gone.state + " " + added.state);
  const std::set<std::string>& more = wa.size() > wb.size() ? wa : wb;
  const std::set<std::string>& less = wa.size() > wb.size() ? wb : wa;
  bool nested = Includes(more, less) &&
                std::all_of(more.begin(), more.end(), [&](const std::string& w) { return less.count(w) || state.count(w); });
  if (nested && !gone.signed_date.empty() && gone.signed_date == added.signed_date) return 200;
  return -1;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> MatchRenames(const std::vector<const RosterRow*>& gone,
                                                    const std::vector<const RosterRow*>& added) {
  Names gone_names(gone), added_names(added);
  return BestPairs(gone.size(), added.size(), [&](size_t g, size_t a) {
    return Score(*gone[g], gone_names, g, *added[a], added_names, a);
  });
}

}  // namespace icetrack
