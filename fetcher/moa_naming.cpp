#include "fetcher/moa_naming.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <tuple>

#include "model/text_fold.h"

namespace icetrack {
namespace {

// The date spellings a file name may use, longest first so that a four-digit
// year is not read as a two-digit one.
// How many of the most recently signed links teach the naming.
constexpr size_t kRecentLinks = 400;
// Words in an agency's name, parts in a file name: more is no name ICE writes.
constexpr size_t kMaxWords = 40;

constexpr const char* kDateFormats[] = {"MMDDYYYY", "MM.DD.YYYY", "MM-DD-YYYY", "MM_DD_YYYY", "YYYY-MM-DD",
                                        "YYYYMMDD", "MMDDYY",     "MM.DD.YY",   "MM-DD-YY",   "MM_DD_YY"};

// The nouns that name the office rather than the place: where the part of
// an agency's name that a document must repeat ends.
constexpr const char* kOfficeWords[] = {"sheriff", "sheriffs", "police", "department", "dept",   "office",
                                        "so",      "pd",       "jail",   "corrections", "constable", "marshal",
                                        "marshals", "detention", "highway", "patrol"};

bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in(FoldForKey(text));
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The words of an agency's name before the office: "hardy county" of
// "hardy county sheriffs office"; all of them when it starts with the office.
std::vector<std::string> PlaceWords(std::vector<std::string> words) {
  auto office = std::find_if(words.begin(), words.end(), [](const std::string& w) {
    return std::find(std::begin(kOfficeWords), std::end(kOfficeWords), w) != std::end(kOfficeWords);
  });
  if (office != words.begin()) words.erase(office, words.end());
  return words;
}

// "YYYY-MM-DD" in `format`; "" when the date is not one.
std::string RenderDate(const std::string& iso, std::string_view format) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return "";
  std::string out(format);
  auto put = [&out](std::string_view token, std::string_view value) {
    size_t at = out.find(token);
    if (at != std::string::npos) out.replace(at, token.size(), value);
  };
  put("YYYY", iso.substr(0, 4));
  put("YY", iso.substr(2, 2));
  put("MM", iso.substr(5, 2));
  put("DD", iso.substr(8, 2));
  return out;
}

// "PalmSpringsPoliceDept" -> Palm, Springs, Police, Dept; "HardyCoSO" -> Hardy, Co, SO.
std::vector<std::string> CapitalizedParts(std::string_view run) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < run.size(); ++i) {
    bool starts = i == 0 || (IsUpper(run[i]) && IsLower(run[i - 1])) ||
                  (IsUpper(run[i]) && IsUpper(run[i - 1]) && i + 1 < run.size() && IsLower(run[i + 1]));
    if (starts) parts.emplace_back();
    parts.back() += run[i];
  }
  return parts;
}

// Whether `part` writes `word` short: its letters in order, from the first ("Co", "Dept", "Hghwy").
bool Abbreviates(const std::string& part, const std::string& word) {
  std::string p = Lower(part);
  if (p.size() < 2 || p[0] != word[0]) return false;
  size_t at = 0;
  for (char c : p) {
    at = word.find(c, at);
    if (at == std::string::npos) return false;
    ++at;
  }
  return true;
}

// The agency's words lined up with a file name's parts, one part a word (as
// it is or shortened) or one capitals part the initials of several ("SO").
// The spelling each single word got; nullopt when they do not line up.
std::optional<std::vector<std::pair<std::string, std::string>>> LineUp(const std::vector<std::string>& words,
                                                                         const std::vector<std::string>& parts) {
  size_t n = words.size(), m = parts.size();
  if (n > kMaxWords || m > kMaxWords) return std::nullopt;  // no agency's name; a hostile one would cost n * m
  std::vector<std::string> lowered;
  for (const std::string& part : parts) lowered.push_back(Lower(part));
  // reach[i][j]: how words[0, i) and parts[0, j) line up (0: not at all, 1: word, k>1: k initials).
  std::vector<std::vector<int>> reach(n + 1, std::vector<int>(m + 1, 0));
  reach[0][0] = -1;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      if (reach[i][j] == 0) continue;
      const std::string& part = parts[j];
      const std::string& lower = lowered[j];
      if (lower == words[i] || Abbreviates(part, words[i])) reach[i + 1][j + 1] = reach[i + 1][j + 1] ? reach[i + 1][j + 1] : 1;
      bool capitals = part.size() >= 2 && std::all_of(part.begin(), part.end(), IsUpper);
      if (!capitals || i + part.size() > n) continue;
      bool initials = true;
      for (size_t k = 0; k < part.size() && initials; ++k) initials = lower[k] == words[i + k][0];
      if (initials && reach[i + part.size()][j + 1] == 0) reach[i + part.size()][j + 1] = static_cast<int>(part.size());
    }
  }
  if (reach[n][m] == 0 || n == 0) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> spellings;  // (words, part), in the name's order
  for (size_t i = n, j = m; i > 0;) {
    size_t step = static_cast<size_t>(reach[i][j]);
    std::string phrase;
    for (size_t k = i - step; k < i; ++k) phrase += (phrase.empty() ? "" : " ") + words[k];
    spellings.emplace_back(phrase, parts[j - 1]);
    i -= step;
    --j;
  }
  std::reverse(spellings.begin(), spellings.end());
  return spellings;
}

// The ways one name spells its words: each word, and each two or three in a
// row (the initials "SO", or "SheriffsOffice" where they were written out),
// so that a prediction can tell which of the two most names use. A way's
// tally: how many names use it, and the first (the most recent) that did.
struct Tally {
  int uses = 0;
  size_t first = 0;
};
using Ways = std::map<std::string, std::map<std::string, Tally>>;

void CountWays(const std::vector<std::pair<std::string, std::string>>& spellings, size_t name, Ways* ways) {
  auto count = [&](const std::string& phrase, const std::string& way) {
    Tally& t = (*ways)[phrase][way];
    if (t.uses++ == 0) t.first = name;
  };
  for (size_t i = 0; i < spellings.size(); ++i) {
    count(spellings[i].first, spellings[i].second);
    std::string phrase = spellings[i].first, way = spellings[i].second;
    for (size_t k = i + 1; k < spellings.size() && k < i + 3; ++k) {
      phrase += " " + spellings[k].first;
      way += spellings[k].second;
      count(phrase, way);
    }
  }
}

struct Span {
  size_t at = std::string::npos, size = 0;
  std::string placeholder;
};

// How a run of letters names the agency: all its words ({agency}) or only
// its place ({place}, "GalvestonCo"); "" when it does not.
std::string NameIn(const std::string& run, const std::vector<std::string>& words,
                   std::vector<std::pair<std::string, std::string>>* spellings) {
  std::vector<std::string> place = PlaceWords(words);
  if (auto lined = LineUp(words, CapitalizedParts(run))) {
    *spellings = *lined;
    return "{agency}";
  }
  auto lined = place.size() < words.size() ? LineUp(place, CapitalizedParts(run)) : std::nullopt;
  if (!lined) return "";
  *spellings = *lined;
  return "{place}";
}

// Where the agency (and, joined to it, the state) is in `name`: the first
// run of letters that names it.
std::vector<Span> FindAgency(const std::string& name, const RosterRow& row,
                             std::vector<std::pair<std::string, std::string>>* spellings) {
  std::vector<std::string> words = Words(row.agency);
  const std::string& code = row.state_code;
  for (size_t at = 0; at < name.size();) {
    if (!IsLetter(name[at])) {
      ++at;
      continue;
    }
    size_t end = at;
    while (end < name.size() && IsLetter(name[end])) ++end;
    std::string run = name.substr(at, end - at);
    // The whole run first: "ElPasoCo" of El Paso County, Colorado is no "ElPaso" and "Co".
    if (std::string named = NameIn(run, words, spellings); !named.empty()) return {{at, run.size(), named}};
    if (code.size() == 2 && run.size() > 2) {
      std::string tail = run.substr(run.size() - 2);
      std::string style = tail == code ? "{state}" : Lower(tail) == Lower(code) && IsUpper(tail[0]) ? "{State}" : "";
      std::string named = style.empty() ? "" : NameIn(run.substr(0, run.size() - 2), words, spellings);
      if (!named.empty()) return {{at, run.size() - 2, named}, {end - 2, 2, style}};
    }
    at = end;
  }
  return {};
}

// A run of letters in `name` equal to `token` standing alone (or after "287g"), outside `taken`.
Span FindToken(const std::string& name, const std::string& token, const std::string& placeholder,
               const std::vector<Span>& taken) {
  for (size_t at = name.find(token); !token.empty() && at != std::string::npos; at = name.find(token, at + 1)) {
    size_t end = at + token.size();
    bool alone = (at == 0 || !IsLetter(name[at - 1]) || name.compare(0, at, "287g") == 0) &&
                 (end == name.size() || !IsLetter(name[end]));
    bool free = std::none_of(taken.begin(), taken.end(), [&](const Span& s) { return at < s.at + s.size && s.at < end; });
    if (alone && free) return {at, token.size(), placeholder};
  }
  return {};
}

Span FindDate(const std::string& name, const std::string& iso, const std::vector<Span>& taken) {
  for (const char* format : kDateFormats) {
    std::string written = RenderDate(iso, format);
    if (written.empty()) return {};
    for (size_t at = name.find(written); at != std::string::npos; at = name.find(written, at + 1)) {
      size_t end = at + written.size();
      bool digits_around = (at > 0 && std::isdigit(static_cast<unsigned char>(name[at - 1]))) ||
                           (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end])));
      bool free = std::none_of(taken.begin(), taken.end(), [&](const Span& s) { return at < s.at + s.size && s.at < end; });
      if (!digits_around && free) return {at, written.size(), std::string("{date:") + format + "}"};
    }
  }
  return {};
}

// The pattern one linked row's URL follows, or "" when its file name does
// not hold its agency and signing date.
std::string PatternOf(const RosterRow& row, std::vector<std::pair<std::string, std::string>>* spellings) {
  size_t slash = row.moa_url.rfind('/');
  if (slash == std::string::npos || row.moa_url.find('?') != std::string::npos) return "";
  std::string dir = row.moa_url.substr(0, slash + 1), name = row.moa_url.substr(slash + 1);
  std::vector<Span> spans = FindAgency(name, row, spellings);
  if (spans.empty()) return "";
  Span date = FindDate(name, row.signed_date, spans);
  if (date.placeholder.empty()) return "";
  spans.push_back(date);
  if (Span model = FindToken(name, ToString(row.model), "{model}", spans); !model.placeholder.empty())
    spans.push_back(model);
  bool state_found = std::any_of(spans.begin(), spans.end(), [](const Span& s) { return Lower(s.placeholder) == "{state}"; });
  if (!state_found)
    if (Span state = FindToken(name, row.state_code, "{state}", spans); !state.placeholder.empty()) spans.push_back(state);
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.at < b.at; });
  std::string pattern = dir;
  size_t at = 0;
  for (const Span& s : spans) {
    pattern += name.substr(at, s.at - at) + s.placeholder;
    at = s.at + s.size;
  }
  return pattern + name.substr(at);
}

std::string Capitalized(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

// The agency's words as it writes them ("DeSoto", "McMinn"), apostrophes
// dropped; its folded words where the two do not pair up (accents).
std::vector<std::string> WrittenWords(const std::string& agency, const std::vector<std::string>& folded) {
  std::vector<std::string> written(1);
  for (size_t i = 0; i < agency.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(agency[i]);
    bool apostrophe = c == '\'' || agency.compare(i, 3, "\xE2\x80\x99") == 0;
    if (std::isalnum(c)) written.back() += agency[i];
    else if (apostrophe) i += c == '\'' ? 0 : 2;
    else if (!written.back().empty()) written.emplace_back();
  }
  if (written.back().empty()) written.pop_back();
  if (written.size() != folded.size()) return folded;
  for (size_t i = 0; i < written.size(); ++i)
    if (Lower(written[i]) != folded[i]) return folded;
  return written;
}

// Whether a way of writing `phrase` shortens it (not only its case).
bool Shortens(const std::string& phrase, const std::string& way) {
  std::string letters;
  for (char c : phrase)
    if (c != ' ') letters += c;
  return Lower(way) != letters;
}

// `words` spelled as most names do (`second`: the phrases of two or three
// words spelled the other way most used, for a second guess).
std::string Spelled(const MoaNaming& naming, const std::vector<std::string>& words,
                    const std::vector<std::string>& written, bool second) {
  std::string out;
  for (size_t i = 0; i < words.size();) {
    size_t taken = 0;
    for (size_t k = std::min<size_t>(3, words.size() - i); k >= 2 && !taken; --k) {
      std::string phrase = words[i];
      for (size_t j = i + 1; j < i + k; ++j) phrase += " " + words[j];
      auto it = naming.spellings.find(phrase);
      if (it == naming.spellings.end()) continue;
      const std::string& way = it->second[second && it->second.size() > 1 ? 1 : 0];
      if (!Shortens(phrase, way)) continue;  // written out: word by word, as the agency writes them
      out += way;
      taken = k;
    }
    if (taken) {
      i += taken;
      continue;
    }
    auto it = naming.spellings.find(words[i]);
    bool shortened = it != naming.spellings.end() && Shortens(words[i], it->second[0]);
    out += shortened ? it->second[0] : Capitalized(written[i]);
    ++i;
  }
  return out;
}

// The pattern filled for `row`; "" when it needs what the row lacks.
std::string Fill(const std::string& pattern, const RosterRow& row, const std::string& agency, const std::string& place) {
  std::string out;
  for (size_t at = 0; at < pattern.size();) {
    size_t open = pattern.find('{', at);
    if (open == std::string::npos) return out + pattern.substr(at);
    size_t close = pattern.find('}', open);
    if (close == std::string::npos) return "";
    out += pattern.substr(at, open - at);
    std::string name = pattern.substr(open + 1, close - open - 1), value;
    if (name == "agency") value = agency;
    else if (name == "place") value = place;
    else if (name == "state") value = row.state_code;
    else if (name == "State" && row.state_code.size() == 2) value = std::string(1, row.state_code[0]) + Lower(row.state_code.substr(1));
    else if (name == "model") value = ToString(row.model);
    else if (name.rfind("date:", 0) == 0) value = RenderDate(row.signed_date, name.substr(5));
    if (value.empty()) return "";
    out += value;
    at = close + 1;
  }
  return out;
}

}  // namespace

MoaNaming LearnMoaNaming(const std::vector<RosterRow>& linked) {
  // The most recently signed links: ICE's naming drifts, and a pending
  // agreement's MOA is named as this year's are.
  std::vector<const RosterRow*> recent;
  for (const RosterRow& row : linked) recent.push_back(&row);
  std::stable_sort(recent.begin(), recent.end(),
                   [](const RosterRow* a, const RosterRow* b) { return a->signed_date > b->signed_date; });
  if (recent.size() > kRecentLinks) recent.resize(kRecentLinks);
  std::map<std::string, int> uses;
  Ways ways;
  for (size_t i = 0; i < recent.size(); ++i) {
    std::vector<std::pair<std::string, std::string>> spellings;
    std::string pattern = PatternOf(*recent[i], &spellings);
    if (pattern.empty()) continue;
    ++uses[pattern];
    CountWays(spellings, i, &ways);
  }
  MoaNaming naming;
  for (const auto& [text, n] : uses) naming.patterns.push_back({text, n});
  std::stable_sort(naming.patterns.begin(), naming.patterns.end(),
                   [](const MoaNaming::Pattern& a, const MoaNaming::Pattern& b) { return a.uses > b.uses; });
  for (const auto& [phrase, tallies] : ways) {
    // The most used first; between as many uses, the one a more recent name used.
    std::vector<std::tuple<int, size_t, std::string>> ranked;
    for (const auto& [way, t] : tallies) ranked.emplace_back(-t.uses, t.first, way);
    std::sort(ranked.begin(), ranked.end());
    for (size_t i = 0; i < ranked.size() && i < 2; ++i) naming.spellings[phrase].push_back(std::get<2>(ranked[i]));
  }
  return naming;
}

std::vector<std::string> PredictMoaUrls(const MoaNaming& naming, const RosterRow& row, size_t at_most) {
  std::vector<std::string> words = Words(row.agency), written = WrittenWords(row.agency, words);
  std::vector<std::string> place = PlaceWords(words);
  std::vector<std::string> place_written(written.begin(), written.begin() + static_cast<long>(place.size()));
  std::vector<std::string> urls;
  auto add = [&](const MoaNaming::Pattern& p, bool second) {
    std::string agency = Spelled(naming, words, written, second);
    std::string url = agency.empty() ? "" : Fill(p.text, row, agency, Spelled(naming, place, place_written, second));
    if (!url.empty() && urls.size() < at_most && std::find(urls.begin(), urls.end(), url) == urls.end())
      urls.push_back(url);
  };
  // The pattern most names follow, spelled as most do, then as the others
  // do; then the next patterns.
  for (size_t i = 0; i < naming.patterns.size() && naming.patterns[i].uses >= 2; ++i) {
    add(naming.patterns[i], false);
    if (i == 0) add(naming.patterns[i], true);
  }
  return urls;
}

bool TextNamesAgency(std::string_view text, const RosterRow& row) {
  std::string core;
  for (const std::string& w : PlaceWords(Words(row.agency))) core += " " + w;
  std::string folded = " " + FoldForKey(text) + " ";
  if (core.size() < 4 || folded.find(core + " ") == std::string::npos) return false;
  // By its name when the row gives one: a code alone is too often a word ("in", "or", "me").
  std::string state = FoldForKey(row.state);
  if (state.size() > 2) return folded.find(" " + state + " ") != std::string::npos;
  return row.state_code.size() == 2 && folded.find(" " + Lower(row.state_code) + " ") != std::string::npos;
}

}  // namespace icetrack
