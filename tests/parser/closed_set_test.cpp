#include <doctest/doctest.h>

#include "parser/closed_set.h"

namespace icetrack {

TEST_CASE("edit distance counts transpositions as one edit and stops at the limit") {
  CHECK(EditDistance("PENNSLYVANIA", "PENNSYLVANIA", 3) == 1);
  CHECK(EditDistance("MUNCIPALITY", "MUNICIPALITY", 3) == 1);
  CHECK(EditDistance("ABC", "ABC", 1) == 0);
  CHECK(EditDistance("KITTEN", "SITTING", 5) == 3);
  CHECK(EditDistance("KITTEN", "SITTING", 1) == 2);  // limit + 1
}

TEST_CASE("the unique nearest name wins — ties and far values match nothing") {
  ClosedSet set;
  set.Add("North Dakota", "ND");
  set.Add("South Dakota", "SD");
  set.Add("Iowa", "IA");
  set.Add("Ohio", "OH");
  set.Add("IA", "IA", false);
  CHECK(set.Find("north dakota ").canonical == "ND");
  CHECK(set.Find("NORTH DAKOT").canonical == "ND");
  CHECK(set.Find("NORTH DAKOT").distance == 1);
  CHECK(set.Find("IOWA").distance == 0);
  CHECK(set.Find("IWOA").canonical == "IA");
  CHECK(set.Find("ia").canonical == "IA");
  CHECK(set.Find("IB").canonical == "");  // codes match exactly only
  CHECK(set.Find("TEXAS").canonical == "");
  CHECK(set.Find("").canonical == "");
  ClosedSet tie;
  tie.Add("ABCDEF", "one");
  tie.Add("ABCDEG", "two");
  CHECK(tie.Find("ABCDEX").canonical == "");
}

}  // namespace icetrack
