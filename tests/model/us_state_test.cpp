#include "model/us_state.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace icetrack {
namespace {

TEST_CASE("every place has one code and one name, and codes name their place") {
  std::set<std::string> codes, names;
  for (const UsState& s : UsStates()) {
    CHECK(std::string(s.code).size() == 2);
    codes.insert(s.code);
    names.insert(s.name);
    CHECK(StateName(s.code) == s.name);
  }
  CHECK(codes.size() == 56);  // 50 states, DC, 5 territories
  CHECK(names.size() == 56);
  CHECK(StateName("FL") == "Florida");
  CHECK(StateName("XX").empty());
  CHECK(StateName("fl").empty());  // codes are upper case
}

}  // namespace
}  // namespace icetrack
