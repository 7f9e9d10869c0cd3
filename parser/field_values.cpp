#include "parser/field_values.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <vector>

#include "model/edit_distance.h"
#include "parser/closed_set.h"
#include "parser/text.h"

namespace icetrack {

namespace {

// The two words that tell a model apart, and its code.
struct ModelWords {
  Model model;
  std::array<const char*, 2> words;
  const char* code;
};

constexpr ModelWords kModelWords[] = {
    {Model::JEM, {"JAIL", "ENFORCEMENT"}, "JEM"},
    {Model::TFM, {"TASK", "FORCE"}, "TFM"},
    {Model::WSO, {"WARRANT", "SERVICE"}, "WSO"},
};

// How many typos a word of this length may carry and still be told apart:
// "JAIL" one, "FORCE" two, "ENFORCEMENT" three.
int TypoBudget(size_t length) { return length <= 4 ? 1 : length <= 8 ? 2 : 3; }

// How far `token` is from `word`: 0 for the word itself or its plural, then
// typos; a prefix of at least four letters ("ENFORC." for "ENFORCEMENT")
// counts 0 too when `prefixes`. -1 when it is not that word. Shorter tokens
// are too easily other words ("FOR", "WAR").
int Distance(const std::string& token, const std::string& word, bool prefixes) {
  if (token.size() < 4) return -1;
  if (prefixes && token.size() < word.size() && word.compare(0, token.size(), token) == 0) return 0;
  int budget = TypoBudget(word.size());
  int d = EditDistance(token, word, budget);
  if (token.back() == 'S') d = std::min(d, EditDistance(token.substr(0, token.size() - 1), word, budget));
  return d <= budget ? d : -1;
}

// What one token names: a model's first or second word, or both (its code,
// or the two run together: "TASKFORCE"). The nearest word wins; a token as
// near to words of two models names none.
struct Hit {
  int model = -1;     // index in kModelWords; -1 for none
  int word = 0;       // 0, 1, or 2 for both
  int distance = 0;   // 0: the word as it is (or its code); more: typos
};

Hit Classify(const std::string& token) {
  for (int m = 0; m < 3; ++m) {
    std::string code = kModelWords[m].code;
    if (token == code || token == code + "S") return {m, 2, 0};
  }
  Hit best;
  int best_distance = 1 << 20;
  bool tie = false;
  for (int m = 0; m < 3; ++m) {
    const ModelWords& mw = kModelWords[m];
    const std::string words[3] = {mw.words[0], mw.words[1], std::string(mw.words[0]) + mw.words[1]};
    for (int w = 0; w < 3; ++w) {
      int d = Distance(token, words[w], w < 2);  // "JAIL" is no prefix of both words
      if (d < 0 || d > best_distance) continue;
      if (d < best_distance) tie = false;
      else if (best.model != m) tie = true;
      if (d == best_distance && best.model == m) continue;  // keep the first, the single word
      best_distance = d;
      best = {m, w, d};
    }
  }
  return tie ? Hit() : best;
}

// The nouns ICE puts after a model's words; with one of them (or "287(g)"),
// one of the words alone, written right, names the model ("Jail Model").
bool IsModelNoun(const std::string& token) {
  for (const char* noun : {"MODEL", "MODELS", "OFFICER", "OFFICERS", "PROGRAM", "PROGRAMS"}) {
    if (token == noun) return true;
  }
  return false;
}

// Upper-case words without "287(g)" (`*prefixed` says whether it was there),
// initials joined ("J.E.M." -> "JEM").
std::vector<std::string> ModelTokens(std::string_view written, bool* prefixed) {
  std::vector<std::string> words;
  std::istringstream in(MatchForm(written));
  for (std::string w; in >> w;) words.push_back(w);
  std::vector<std::string> tokens;
  *prefixed = false;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "287G" || words[i] == "287") {
      if (words[i] == "287" && i + 1 < words.size() && words[i + 1] == "G") ++i;
      *prefixed = true;
      continue;
    }
    bool initial = words[i].size() == 1;
    if (initial && !tokens.empty() && i > 0 && words[i - 1].size() == 1 && words[i - 1] != "G")
      tokens.back() += words[i];
    else
      tokens.push_back(words[i]);
  }
  return tokens;
}

}  // namespace

Model ModelFromText(std::string_view written) {
  // A model is named by its code, by both of its words (typos and all), or by
  // one of them written right with a model noun or "287(g)": one word alone
  // is too often something else ("Law Enforcement", "Detention Services").
  bool prefixed = false;
  std::vector<std::string> tokens = ModelTokens(written, &prefixed);
  std::array<std::array<bool, 2>, 3> named{};
  std::array<bool, 3> exact{};
  bool noun = prefixed;
  for (const std::string& token : tokens) {
    noun = noun || IsModelNoun(token);
    Hit hit = Classify(token);
    if (hit.model < 0) continue;
    if (hit.word != 1) named[hit.model][0] = true;
    if (hit.word != 0) named[hit.model][1] = true;
    exact[hit.model] = exact[hit.model] || hit.distance == 0;
  }
  int best = -1, best_score = 0;
  bool tie = false;
  for (int m = 0; m < 3; ++m) {
    int score = named[m][0] && named[m][1] ? 2 : (named[m][0] || named[m][1]) && exact[m] && noun ? 1 : 0;
    if (score == 0 || score < best_score) continue;
    tie = score == best_score;
    best = m;
    best_score = score;
  }
  // Words of another model beside the one named make the cell unclear.
  for (int m = 0; best >= 0 && m < 3; ++m) {
    if (m != best && (named[m][0] || named[m][1]) && best_score < 2) tie = true;
  }
  return best < 0 || tie ? Model::Unknown : kModelWords[best].model;
}

namespace {

// The models a list of them names ("Jail & Task Force"); none when it is no such list.
std::vector<Model> ListedModels(std::string_view written) {
  // A list of models: "Jail & Task Force", "JEM/TFM", "Jail Enforcement and
  // Task Force Models". The noun is shared, so a part names a model by one
  // of its words written right; at least one part names its model fully.
  std::vector<std::string> parts(1);
  std::string upper = UpperAscii(written);
  for (size_t i = 0; i < written.size(); ++i) {
    if (std::string_view("&/,;+|").find(written[i]) != std::string_view::npos) {
      parts.emplace_back();
    } else if (upper.compare(i, 5, " AND ") == 0) {
      parts.emplace_back();
      i += 4;
    } else {
      parts.back() += written[i];
    }
  }
  std::vector<Model> models;
  bool full = false;
  for (const std::string& part : parts) {
    bool prefixed = false;
    std::vector<std::string> tokens = ModelTokens(part, &prefixed);
    tokens.erase(std::remove_if(tokens.begin(), tokens.end(), IsModelNoun), tokens.end());
    if (tokens.empty()) continue;
    Model named = ModelFromText(part);
    if (named != Model::Unknown) full = true;
    if (named == Model::Unknown && tokens.size() == 1) {
      Hit hit = Classify(tokens[0]);
      if (hit.model >= 0 && hit.distance == 0) named = kModelWords[hit.model].model;
    }
    if (named == Model::Unknown || std::find(models.begin(), models.end(), named) != models.end()) return {};
    models.push_back(named);
  }
  if (models.size() < 2 || !full) return {};
  std::sort(models.begin(), models.end());
  return models;
}

}  // namespace

std::vector<Model> ModelsFromText(std::string_view written) {
  // The list first: read as one, "Jail & Task Force" is Task Force alone.
  std::vector<Model> listed = ListedModels(written);
  if (!listed.empty()) return listed;
  Model one = ModelFromText(written);
  if (one != Model::Unknown) return {one};
  return {};
}

const ClosedSet& AgencyTypes() {
  static const ClosedSet set = [] {
    ClosedSet s;
    s.Add("County", "County");
    s.Add("Co", "County", false);
    s.Add("Parish", "County");  // Louisiana's counties
    s.Add("Municipality", "Municipality");
    s.Add("Municipal", "Municipality");
    for (const char* place : {"City", "Town", "Village", "Township", "Borough"}) s.Add(place, "Municipality");
    s.Add("State Agency", "State Agency");
    s.Add("State", "State Agency");
    s.AddFiller("Government");
    return s;
  }();
  return set;
}

std::string AgencyTypeFromText(std::string_view written) {
  return AgencyTypes().Find(written).canonical;
}

std::string CountyFromText(std::string_view written) {
  std::string county = CleanText(written);
  std::string upper = UpperAscii(county);
  if (upper == "#NA" || upper == "#N/A" || upper == "N/A" || upper == "NA" || upper == "-" ||
      upper == "#NAME?")
    return "";
  return county;
}

}  // namespace icetrack
