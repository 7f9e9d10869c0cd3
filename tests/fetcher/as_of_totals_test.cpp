#include "fetcher/as_of_totals.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("the 2024 wording: JEM and WSO only, 'ICE also has ... WSO with'") {
  AsOfTotals t = ReadAsOfTotals(
      {"Participating Entities",
       "As of May 2024, ICE has 287(g) JEM agreements with 60 law enforcement agencies in 16 "
       "states. ICE also has 287(g) WSO with 75 law enforcement agencies in 11 states."});
  CHECK(t.as_of == "As of May 2024");
  CHECK(t.jem == 60);
  CHECK(t.wso == 75);
  CHECK_FALSE(t.tfm.has_value());
  CHECK_FALSE(t.total_moas.has_value());
  CHECK_FALSE(t.pending.has_value());
}

TEST_CASE("the 2025 wording, state counts in words, pending 'the following N'") {
  AsOfTotals t = ReadAsOfTotals(
      {"As of February 28, 2025, at 3 p.m. ICE has signed 287(g) JEM agreements with 69 law "
       "enforcement agencies in 18 states, 287(g) WSO agreements with 118 law enforcement agencies "
       "in 15 states, and 287(g) TFM agreements with 85 agencies in nine states.",
       "View 287(g) Participating Agencies",
       "As of February 28, 2025, at 3 p.m., the following 43 287(g) program applications are "
       "pending."});
  CHECK(t.as_of == "As of February 28, 2025, at 3 p.m.");
  CHECK(t.jem == 69);
  CHECK(t.wso == 118);
  CHECK(t.tfm == 85);
  CHECK(t.pending == 43);
  CHECK(t.pending_as_of == "As of February 28, 2025, at 3 p.m.");
}

TEST_CASE("the June 2025 wording: total MOAs, and pending per model is not participating") {
  AsOfTotals t = ReadAsOfTotals(
      {"As of June 5, 2025, at 4 p.m., ICE has signed 640 Memorandums of Agreement for 287(g) "
       "programs covering 40 states. These include JEM agreements with 102 law enforcement agencies "
       "in 26 states, 287(g) WSO agreements with 231 law enforcement agencies in 31 states, and "
       "287(g) TFM agreements with 307 agencies in 30 states.",
       "As of June 5, 2025, at 4 p.m., ICE has 88 pending 287(g) program applications. These "
       "include 12 pending JEM agreements, 25 pending WSO agreements, and 51 pending TFM "
       "agreements."});
  CHECK(t.total_moas == 640);
  CHECK(t.jem == 102);
  CHECK(t.wso == 231);
  CHECK(t.tfm == 307);
  CHECK(t.pending == 88);
}

TEST_CASE("pending first on the page, NBSPs, thousands and words for agency counts") {
  AsOfTotals t = ReadAsOfTotals(
      {"As of May 1, 2026, ICE has 9 pending 287(g) program applications.",
       "As of May\xC2\xA0" "1, 2026, ICE has signed 287(g) JEM agreements with 1,204 agencies, WSO "
       "agreements with twenty-one agencies and TFM agreements with nine agencies."});
  CHECK(t.pending == 9);
  CHECK(t.jem == 1204);
  CHECK(t.wso == 21);
  CHECK(t.tfm == 9);
  CHECK(t.as_of == "As of May 1, 2026");
}

TEST_CASE("text without totals gives an empty result") {
  AsOfTotals t = ReadAsOfTotals({"ICE 287(g) Program", "As of today, we have more to say.",
                                 "JEM agreements with 5 agencies (no As-of sentence)"});
  CHECK(t.as_of.empty());
  CHECK_FALSE(t.jem.has_value());
  CHECK_FALSE(t.pending.has_value());
  CHECK(ReadAsOfTotals({}).as_of.empty());
}

TEST_CASE("ParseCount") {
  CHECK(ParseCount("60") == 60);
  CHECK(ParseCount("1,274") == 1274);
  CHECK(ParseCount("nine") == 9);
  CHECK(ParseCount("Nineteen") == 19);
  CHECK(ParseCount("forty") == 40);
  CHECK(ParseCount("ninety-nine") == 99);
  CHECK_FALSE(ParseCount("law").has_value());
  CHECK_FALSE(ParseCount("twenty-ten").has_value());
  CHECK_FALSE(ParseCount("").has_value());
  CHECK_FALSE(ParseCount("99999999999").has_value());
}

TEST_CASE("only the first 64 As-of paragraphs are searched: thousands of them cannot stall a run") {
  std::string filler = "As of today nothing is said here, " + std::string(3000, 'x');
  std::string stated = "As of March 14, 2025, ICE has signed 287(g) JEM agreements with 76 law enforcement agencies.";
  std::vector<std::string> blocks(63, filler);
  blocks.push_back(stated);
  CHECK(ReadAsOfTotals(blocks).jem == 76);  // the 64th is read
  blocks.insert(blocks.begin(), filler);
  CHECK_FALSE(ReadAsOfTotals(blocks).jem.has_value());  // the 65th is not
  std::vector<std::string> many(20000, filler);
  CHECK_FALSE(ReadAsOfTotals(many).jem.has_value());
}

}  // namespace
}  // namespace icetrack
