#include <doctest/doctest.h>

#include <cctype>

#include "model/edit_distance.h"
#include "parser/us_states.h"
#include "tests/support/spelling_variants.h"

namespace icetrack {

TEST_CASE("states, DC and territories by name, code and alias") {
  CHECK(StateCode("FLORIDA") == "FL");
  CHECK(StateCode("Florida ") == "FL");
  CHECK(StateCode("fl") == "FL");
  CHECK(StateCode("DISTRICT OF COLUMBIA") == "DC");
  CHECK(StateCode("GUAM") == "GU");
  CHECK(StateCode("NORTHERN MARIANA ISLANDS") == "MP");
  CHECK(StateCode("U.S. VIRGIN ISLANDS") == "VI");
  CHECK(StateCode("PUERTO RICO") == "PR");
  CHECK(StateCode("AMERICAN SAMOA") == "AS");
  CHECK(StateCode("WEST VIRGINIA") == "WV");
}

TEST_CASE("typos are matched by distance, not by a list of typos") {
  int d = 0;
  CHECK(StateCode("PENNSLYVANIA", &d) == "PA");
  CHECK(d == 1);
  CHECK(StateCode("MISSISIPPI") == "MS");
  CHECK(StateCode("LOUISANA") == "LA");
  CHECK(StateCode("TENNESEE") == "TN");
  CHECK(StateCode("CONNETICUT") == "CT");
  CHECK(StateCode("NEW HAMSHIRE") == "NH");
  CHECK(StateCode("SOUTH CAROLNA") == "SC");
  CHECK(StateCode("ARKANSAS") == "AR");
  CHECK(StateCode("KANSAS") == "KS");
  CHECK(StateCode("VIRGINA") == "VA");
  CHECK(StateCode("WEST VIRGINA") == "WV");
}

TEST_CASE("unknown places and ambiguous typos give no code") {
  CHECK(StateCode("ONTARIO") == "");
  CHECK(StateCode("") == "");
  CHECK(StateCode("XX") == "");
  CHECK(StateCode("DAKOTA") == "");
}

}  // namespace icetrack

namespace icetrack {
namespace {

struct NamedState {
  const char* code;
  const char* name;
};

// Written out here, not taken from the code under test.
const NamedState kNames[] = {
    {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
    {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"FL", "Florida"}, {"GA", "Georgia"},
    {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"},
    {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
    {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"}, {"MS", "Mississippi"},
    {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"}, {"NH", "New Hampshire"},
    {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"}, {"NC", "North Carolina"},
    {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"}, {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"}, {"TN", "Tennessee"},
    {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington"},
    {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"}, {"DC", "District of Columbia"},
    {"PR", "Puerto Rico"}, {"GU", "Guam"}, {"VI", "U.S. Virgin Islands"}, {"AS", "American Samoa"},
    {"MP", "Northern Mariana Islands"},
};

std::string Upper(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// The oracle: a spelling a reader can still tell is nearer its own state than any other.
bool NearestIs(const std::string& written, const NamedState& own) {
  int mine = EditDistance(Upper(written), Upper(own.name), 20);
  for (const NamedState& other : kNames) {
    if (other.code != own.code && EditDistance(Upper(written), Upper(other.name), 20) <= mine) return false;
  }
  return true;
}

// Every state, DC and territory, in the ways ICE writes them and could: any
// case, spacing, its USPS code with or without dots, "State of …", a
// direction or a word abbreviated ("N. Carolina", "W. Va.", "Penna."), and
// one or two typos in a long name.
TEST_CASE("generated: every state in hundreds of spellings gets its own code and no other") {
  test::SpellingVariants gen(56);
  int tried = 0;
  for (const NamedState& s : kNames) {
    std::string name = s.name, code = s.code;
    std::vector<std::string> spellings = {name, code, std::string(1, code[0]) + "." + code[1] + ".", "State of " + name};
    std::vector<std::string> words = test::SplitWords(name);
    if (words.size() == 2 && (words[0] == "North" || words[0] == "South" || words[0] == "West" || words[0] == "New")) {
      spellings.push_back(words[0].substr(0, 1) + ". " + words[1]);
      spellings.push_back(words[0].substr(0, 1) + " " + words[1]);
    }
    for (int edits : {1, 2}) {
      if (name.size() < (edits == 1 ? 6u : 10u)) continue;
      for (int i = 0; i < 4; ++i) {
        std::vector<std::string> w = words;
        size_t longest = 0;
        for (size_t j = 1; j < w.size(); ++j) longest = w[j].size() > w[longest].size() ? j : longest;
        w[longest] = gen.Typo(w[longest], edits);
        std::string typo = test::JoinWords(w);
        if (NearestIs(typo, s) && Upper(typo) != Upper(name)) spellings.push_back(typo);
      }
    }
    for (const std::string& base : spellings) {
      for (const std::string& cased : gen.Cases(base)) {
        for (const std::string& written : gen.Spacing(cased)) {
          CHECK_MESSAGE(StateCode(written) == code, "\"" << written << "\"");
          ++tried;
        }
      }
    }
  }
  CHECK(tried > 2000);
}

TEST_CASE("abbreviations as people write them — ambiguous ones are not guessed") {
  CHECK(StateCode("N. Carolina") == "NC");
  CHECK(StateCode("S. Dakota") == "SD");
  CHECK(StateCode("W. Va.") == "WV");
  CHECK(StateCode("N. Mex.") == "NM");
  CHECK(StateCode("Penna.") == "PA");
  CHECK(StateCode("Fla.") == "FL");
  CHECK(StateCode("Calif.") == "CA");
  CHECK(StateCode("Tenn.") == "TN");
  CHECK(StateCode("Mass.") == "MA");
  CHECK(StateCode("N.Y.") == "NY");
  CHECK(StateCode("Commonwealth of Virginia") == "VA");
  int d = 0;
  CHECK(StateCode("N. Carolina", &d) == "NC");
  CHECK(d > 0);  // read, not written: the reader warns
  CHECK(StateCode("Ala.") == "");   // Alabama or Alaska
  CHECK(StateCode("Miss.") == "");  // Mississippi or Missouri
  CHECK(StateCode("Virgin") == "");  // Virginia or the Virgin Islands
  CHECK(StateCode("New") == "");
  for (const char* none : {"N/A", "TBD", "Pending", "#NA", "Unknown", "State", "Ontario", "-"})
    CHECK_MESSAGE(StateCode(none) == "", none);
}

}  // namespace
}  // namespace icetrack
