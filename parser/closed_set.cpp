#include "parser/closed_set.h"

#include <algorithm>
#include <sstream>

#include "model/edit_distance.h"
#include "parser/text.h"

namespace icetrack {

namespace {

// How many edits a name of this length may absorb: 1 up to 5 letters,
// 2 up to 11, 3 beyond. Short names need exactness to stay unambiguous.
int Tolerance(size_t length) {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 11) return 2;
  return 3;
}

std::vector<std::string> Words(const std::string& form) {
  std::vector<std::string> words;
  std::istringstream in(form);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// "FLA" abbreviates "FLORIDA": its letters, in order, starting with the first.
bool Abbreviates(const std::string& token, const std::string& word) {
  if (token.empty() || token.size() > word.size() || token[0] != word[0]) return false;
  size_t at = 0;
  for (char c : token) {
    at = word.find(c, at);
    if (at == std::string::npos) return false;
    ++at;
  }
  return true;
}

// A token stands for a word of a name: the word, a typo of it, or an abbreviation.
bool StandsFor(const std::string& token, const std::string& word) {
  if (token == word || Abbreviates(token, word)) return true;
  int limit = Tolerance(std::min(token.size(), word.size())) > 1 ? 1 : 0;
  return limit > 0 && EditDistance(token, word, limit) <= limit;
}

}  // namespace

std::string JoinedForm(std::string_view text) {
  std::vector<std::string> words = Words(MatchForm(text)), joined;
  for (size_t i = 0; i < words.size();) {
    if (words[i].size() != 1) {
      joined.push_back(words[i++]);
      continue;
    }
    std::string run;
    while (i < words.size() && words[i].size() == 1) run += words[i++];
    joined.push_back(run);
  }
  return Join(joined);
}

void ClosedSet::Add(std::string_view spelling, std::string canonical, bool fuzzy) {
  std::string form = JoinedForm(spelling);
  entries_.push_back({form, std::move(canonical), Words(form), fuzzy});
}

void ClosedSet::AddFiller(std::string_view word) { fillers_.insert(JoinedForm(word)); }

ClosedSet::Match ClosedSet::Exact(const std::string& form) const {
  for (const Entry& e : entries_) {
    if (e.form == form) return {e.canonical, 0};
  }
  return {};
}

ClosedSet::Match ClosedSet::Abbreviated(const std::vector<std::string>& words, bool* ambiguous) const {
  size_t letters = 0;
  for (const std::string& w : words) letters += w.size();
  if (letters < 3) return {};
  std::set<std::string> found, longer;
  for (const Entry& e : entries_) {
    if (!e.fuzzy || e.words.size() < words.size()) continue;
    bool same_length = e.words.size() == words.size();
    bool fits = true;
    for (size_t i = 0; fits && i < words.size(); ++i)
      fits = same_length ? StandsFor(words[i], e.words[i]) : words[i] == e.words[i];
    if (fits) (same_length ? found : longer).insert(e.canonical);
  }
  // "VIRGIN" abbreviates Virginia, and begins the Virgin Islands: no answer.
  for (const std::string& other : longer) {
    if (!found.empty() && !found.count(other)) found.insert(other);
  }
  if (found.size() > 1) *ambiguous = true;
  if (found.size() != 1) return {};
  return {*found.begin(), 1};
}

ClosedSet::Match ClosedSet::Nearest(const std::string& form) const {
  int best = 1 << 20;
  std::string best_name;
  bool tie = false;
  for (const Entry& e : entries_) {
    if (!e.fuzzy) continue;
    int limit = Tolerance(std::min(e.form.size(), form.size()));
    if (limit == 0) continue;
    int d = EditDistance(form, e.form, limit);
    if (d > limit || d > best) continue;
    if (d < best) {
      best = d;
      best_name = e.canonical;
      tie = false;
    } else if (e.canonical != best_name) {
      tie = true;
    }
  }
  if (best_name.empty() || tie) return {};
  return {best_name, best};
}

ClosedSet::Match ClosedSet::Find(std::string_view value) const {
  std::string form = JoinedForm(value);
  if (form.empty()) return {};
  if (Match m = Exact(form); !m.canonical.empty()) return m;
  // Fillers around the name ("STATE OF ... ", "... STATE"), never inside it ("DISTRICT OF COLUMBIA").
  std::vector<std::string> words = Words(form);
  size_t first = 0, last = words.size();
  while (first < last && fillers_.count(words[first])) ++first;
  while (last > first && fillers_.count(words[last - 1])) --last;
  std::vector<std::string> kept(words.begin() + static_cast<long>(first), words.begin() + static_cast<long>(last));
  if (!kept.empty() && kept.size() < words.size()) {
    if (Match m = Exact(Join(kept)); !m.canonical.empty()) return {m.canonical, 1};
  }
  bool ambiguous = false;
  if (Match m = Abbreviated(kept.empty() ? words : kept, &ambiguous); !m.canonical.empty() || ambiguous) return m;
  return Nearest(form);
}

}  // namespace icetrack
