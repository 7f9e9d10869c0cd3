#include "report/translate.h"

#include <doctest/doctest.h>

#include <cstring>

namespace icetrack {
namespace {

TEST_CASE("English is the message itself, without gettext, whatever the environment says") {
  const char* message = "Agreements";
  CHECK(Tr(Language::English, message) == message);  // the same pointer: no lookup
  CHECK(std::strcmp(TrN(Language::English, "{1} agreement", "{1} agreements", 1), "{1} agreement") == 0);
  CHECK(std::strcmp(TrN(Language::English, "{1} agreement", "{1} agreements", 0), "{1} agreements") == 0);
  CHECK(std::strcmp(TrN(Language::English, "{1} agreement", "{1} agreements", 2), "{1} agreements") == 0);
}

TEST_CASE("Fill puts the values where the pattern says, in its order") {
  CHECK(Fill("From {1} agreements on {2} to {3} on {4}.", {"135", "2024-12-01", "1843", "2026-05-18"}) ==
        "From 135 agreements on 2024-12-01 to 1843 on 2026-05-18.");
  CHECK(Fill("{2}: {1}", {"a", "b"}) == "b: a");
  CHECK(Fill("{1} and {1}", {"x"}) == "x and x");
  // What is not a placeholder, or names a value not given, stays as written.
  CHECK(Fill("{} {x} {0} {3} {1", {"a", "b"}) == "{} {x} {0} {3} {1");
  CHECK(Fill("{1}", {"{2}", "b"}) == "{2}");  // a value is never read as a pattern
  CHECK(Fill("", {"a"}) == "");
}

TEST_CASE("languages by their ISO 639-1 codes, exactly") {
  for (Language l : {Language::English, Language::Spanish}) {
    Language back;
    REQUIRE(ParseLanguage(ToString(l), &back));
    CHECK(back == l);
  }
  Language none;
  CHECK_FALSE(ParseLanguage("ES", &none));
  CHECK_FALSE(ParseLanguage("spanish", &none));
  CHECK_FALSE(ParseLanguage("", &none));
}

}  // namespace
}  // namespace icetrack
