#include <doctest/doctest.h>

#include "parser/us_states.h"

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
