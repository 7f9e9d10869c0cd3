#include <doctest/doctest.h>

#include <map>
#include <set>

#include "model/edit_distance.h"
#include "parser/field_values.h"
#include "tests/support/spelling_variants.h"

namespace icetrack {
namespace {

using test::SpellingVariants;

TEST_CASE("models from full names, abbreviations and typos") {
  CHECK(ModelFromText("Jail Enforcement Model") == Model::JEM);
  CHECK(ModelFromText("Task Force Model  ") == Model::TFM);
  CHECK(ModelFromText("Warrant Service Officer") == Model::WSO);
  CHECK(ModelFromText("Warrant Service Office") == Model::WSO);
  CHECK(ModelFromText("Warrent Service Oficer") == Model::WSO);
  CHECK(ModelFromText("Jail Enforcment Modle") == Model::JEM);
  CHECK(ModelFromText("Task Force") == Model::TFM);
  CHECK(ModelFromText("wso") == Model::WSO);
  CHECK(ModelFromText("TFM ") == Model::TFM);
  CHECK(ModelFromText("287(g) Jail Enforcement Program") == Model::JEM);
  CHECK(ModelFromText("287(g) J.E.M.") == Model::JEM);
  CHECK(ModelFromText("287g TFM") == Model::TFM);
  CHECK(ModelFromText("Warrant Service Officers") == Model::WSO);
  CHECK(ModelFromText("TaskForce") == Model::TFM);
  CHECK(ModelFromText("Jail Enforc. Model") == Model::JEM);
  CHECK(ModelFromText("W.S.O.") == Model::WSO);
  CHECK(ModelFromText("Task Force Model (TFM)") == Model::TFM);
  CHECK(ModelFromText("JFM") == Model::Unknown);  // short codes must be exact
}

TEST_CASE("text that names no model, or two, is unknown") {
  for (const char* none : {"", "N/A", "TBD", "Pending", "#NA", "#N/A", "Unknown", "None", "See MOA", "Other", "-",
                           "Detention", "Pending for review", "Model", "Officer", "Program", "Agreement", "link",
                           "Application pending", "War", "For"})
    CHECK_MESSAGE(ModelFromText(none) == Model::Unknown, none);
  CHECK(ModelFromText("Jail Enforcement Model / Task Force Model") == Model::Unknown);
  CHECK(ModelFromText("JEM, WSO") == Model::Unknown);
}

TEST_CASE("one model word alone is not enough: it is too often something else") {
  for (const char* other : {"Law Enforcement", "Enforcement and Removal Operations", "Enforcement pending",
                            "Reinforcement", "Detention Services", "Intergovernmental Service Agreement",
                            "In service", "Serve", "Source", "Task Order", "Mail", "Fail", "Jail", "Warrants",
                            "Jial Model", "Enforcment Program", "Service Model / Task"})
    CHECK_MESSAGE(ModelFromText(other) == Model::Unknown, other);
  // Written right, with a model noun or 287(g), one word names its model.
  CHECK(ModelFromText("Jail Model") == Model::JEM);
  CHECK(ModelFromText("287(g) Task Force") == Model::TFM);
  CHECK(ModelFromText("Warrant Officers") == Model::WSO);
  CHECK(ModelFromText("287(g) Warrant") == Model::WSO);
  CHECK(ModelFromText("Law Enforcement Task Force") == Model::TFM);  // both words of one model win
}

// Every known spelling of the three models, perturbed in the ways ICE
// perturbs its cells (case, spacing, a 287(g) prefix, the noun after the
// words, plurals, initials with or without dots, and one or two typos per
// word), must be read as its model and as nothing else.
TEST_CASE("generated: hundreds of spellings of each model are each read as that model") {
  struct Known {
    Model model;
    const char* first;
    const char* second;
    const char* code;
  };
  const Known kKnown[] = {{Model::JEM, "Jail", "Enforcement", "JEM"},
                          {Model::TFM, "Task", "Force", "TFM"},
                          {Model::WSO, "Warrant", "Service", "WSO"}};
  const std::vector<std::string> keywords = {"JAIL", "ENFORCEMENT", "TASK", "FORCE", "WARRANT", "SERVICE"};
  SpellingVariants gen(287);
  // A typo that leaves the word nearer to itself than to any other model word,
  // and long enough to be a word: what a reader could still tell.
  auto typo = [&](const std::string& word, int edits) {
    std::string upper;
    for (char c : word) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (int attempt = 0; attempt < 50; ++attempt) {
      std::string t = gen.Typo(word, edits);
      std::string tu;
      for (char c : t) tu += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (t.size() < 4 || tu == upper) continue;
      int own = EditDistance(tu, upper, 10);
      bool nearest = true;
      for (const std::string& k : keywords) nearest = nearest && (k == upper || EditDistance(tu, k, 10) > own);
      if (nearest) return t;
    }
    return word;
  };
  std::map<Model, int> tried;
  for (const Known& k : kKnown) {
    std::string code = k.code;
    std::vector<std::string> spellings = {
        code, code + "s", std::string(1, code[0]) + "." + code[1] + "." + code[2] + ".",
        std::string(1, code[0]) + " " + code[1] + " " + code[2], "287(g) " + code, "287g " + code};
    for (const char* noun : {"", " Model", " Officer", " Program", " Agreement", " Models", " Operations"}) {
      std::string words = std::string(k.first) + " " + k.second;
      spellings.push_back(words + noun);
      spellings.push_back("287(g) " + words + noun);
      spellings.push_back(std::string(k.first) + k.second + noun);  // run together
      for (int edits : {1, 2}) {
        std::string first = std::string(k.first).size() <= 4 ? typo(k.first, 1) : typo(k.first, edits);
        spellings.push_back(first + " " + k.second + noun);
        spellings.push_back(std::string(k.first) + " " + typo(k.second, edits) + noun);
        spellings.push_back(first + " " + typo(k.second, edits) + noun);
      }
    }
    for (const std::string& base : spellings) {
      for (const std::string& cased : gen.Cases(base)) {
        std::vector<std::string> forms = gen.Spacing(cased);
        forms.push_back(cased);
        for (const std::string& written : forms) {
          CHECK_MESSAGE(ModelFromText(written) == k.model, "\"" << written << "\"");
          ++tried[k.model];
        }
      }
    }
  }
  for (const auto& [model, n] : tried) CHECK(n >= 300);
}

TEST_CASE("agency types are canonical — typos matched by distance") {
  CHECK(AgencyTypeFromText("County ") == "County");
  CHECK(AgencyTypeFromText("Muncipality") == "Municipality");
  CHECK(AgencyTypeFromText("Municpality") == "Municipality");
  CHECK(AgencyTypeFromText("State Agency") == "State Agency");
  CHECK(AgencyTypeFromText("State") == "State Agency");
  CHECK(AgencyTypeFromText("Stat Agency") == "State Agency");
  CHECK(AgencyTypeFromText("Tribal Nation") == "");
}

TEST_CASE("generated: agency types in any case, abbreviated or misspelt") {
  SpellingVariants gen(7);
  const std::map<std::string, std::vector<std::string>> kKnown = {
      {"County", {"County", "Cnty", "Co.", "Parish"}},
      {"Municipality", {"Municipality", "Municipal", "Muni", "Munic.", "City", "Town", "Village", "Township"}},
      {"State Agency", {"State Agency", "State", "St. Agency", "State Agcy", "State Government"}}};
  int tried = 0;
  for (const auto& [canonical, spellings] : kKnown) {
    std::vector<std::string> all = spellings;
    for (int i = 0; i < 6; ++i) {
      std::string t = gen.Typo(canonical, 1);
      if (t.size() >= 6) all.push_back(t);
    }
    for (const std::string& base : all) {
      for (const std::string& cased : gen.Cases(base)) {
        for (const std::string& written : gen.Spacing(cased)) {
          CHECK_MESSAGE(AgencyTypeFromText(written) == canonical, "\"" << written << "\"");
          ++tried;
        }
      }
    }
  }
  CHECK(tried > 300);
  for (const char* none : {"", "N/A", "TBD", "#NA", "Pending", "Federal", "Tribal"})
    CHECK_MESSAGE(AgencyTypeFromText(none) == "", none);
}

TEST_CASE("county placeholders mean no county") {
  CHECK(CountyFromText("#NA") == "");
  CHECK(CountyFromText("#N/A ") == "");
  CHECK(CountyFromText(" Polk  County ") == "Polk County");
}

TEST_CASE("a cell that lists models names each of them") {
  using Models = std::vector<Model>;
  CHECK(ModelsFromText("Jail & Task Force") == Models{Model::JEM, Model::TFM});
  CHECK(ModelsFromText("JEM/TFM") == Models{Model::JEM, Model::TFM});
  CHECK(ModelsFromText("Task Force and Jail Enforcement Models") == Models{Model::JEM, Model::TFM});
  CHECK(ModelsFromText("Jail Enforcement Model, Warrant Service Officer") == Models{Model::JEM, Model::WSO});
  CHECK(ModelsFromText("Task Force Model") == Models{Model::TFM});
  CHECK(ModelsFromText("Jail & Detention").empty());     // one part is no model
  CHECK(ModelsFromText("Jail & Task").empty());          // no part names its model fully
  CHECK(ModelsFromText("JEM / JEM") == Models{Model::JEM});  // one model twice: that model
  CHECK(ModelsFromText("Law Enforcement & Force").empty());
  CHECK(ModelsFromText("").empty());
  CHECK(ModelsFromText("N/A").empty());
}

}  // namespace
}  // namespace icetrack
