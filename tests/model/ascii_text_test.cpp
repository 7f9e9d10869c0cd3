#include "model/ascii_text.h"

#include <doctest/doctest.h>

#include <cstdint>

namespace icetrack {
namespace {

TEST_CASE("decimal numbers from files: digits only, bounded, never an overflow") {
  int64_t n = -1;
  CHECK(ParseDecimal("0", 10, &n));
  CHECK(n == 0);
  CHECK(ParseDecimal("1048576", 1048576, &n));
  CHECK(n == 1048576);
  CHECK_FALSE(ParseDecimal("1048577", 1048576, &n));
  // A bound below 10 holds too (a digit over it once slipped through: "9"
  // passed a bound of 0, an index into a table of one).
  CHECK_FALSE(ParseDecimal("9", 0, &n));
  CHECK_FALSE(ParseDecimal("6", 5, &n));
  CHECK(ParseDecimal("5", 5, &n));
  CHECK(n == 5);
  CHECK_FALSE(ParseDecimal("16", 15, &n));
  CHECK_FALSE(ParseDecimal("0", -1, &n));
  CHECK(ParseDecimal("9223372036854775807", INT64_MAX, &n));
  CHECK(n == INT64_MAX);
  for (const char* bad : {"9223372036854775808", "99999999999999999999999", "", "-1", "+1", " 1", "1 ", "1e3", "0x1"}) {
    CAPTURE(bad);
    n = 7;
    CHECK_FALSE(ParseDecimal(bad, INT64_MAX, &n));
    CHECK(n == 7);  // untouched
  }
}

}  // namespace
TEST_CASE("plain words are skipped up to the first that holds a control, high or stop byte") {
  const std::string plain = "abcdefghijklmnopqrstuvwx";  // three words
  CHECK(SkipPlainAsciiWords(plain, 0, "&") == 24);
  CHECK(SkipPlainAsciiWords(plain + "yz", 0, "&") == 24);  // fewer than eight left: there
  for (const char* odd : {"\x01", "\x1f", "\x80", "\xff", "&", "<"}) {
    for (size_t at = 0; at < plain.size(); ++at) {
      std::string text = plain;
      text[at] = odd[0];
      size_t stop = SkipPlainAsciiWords(text, 0, "&<");
      CAPTURE(at);
      CHECK(stop == at / 8 * 8);  // the word that holds it, never past it
    }
  }
  CHECK(SkipPlainAsciiWords("abcdefgh\x7f", 0, "") == 8);  // DEL is plain
  CHECK(SkipPlainAsciiWords(plain, 5, "&") == 21);
}

TEST_CASE("EscapeMarkupText leaves no tag nor entity") {
  CHECK(EscapeMarkupText("Jail & Task Force <b>") == "Jail &amp; Task Force &lt;b&gt;");
  CHECK(EscapeMarkupText("plain \"quoted\"") == "plain \"quoted\"");
  CHECK(EscapeMarkupText("").empty());
}

TEST_CASE("PercentEncode keeps the unreserved bytes and those asked for, and reads back as itself") {
  std::string name = "moa/ab12_Tye #2 50%?.pdf";
  CHECK(PercentEncode(name, "/") == "moa/ab12_Tye%20%232%2050%25%3F.pdf");
  CHECK(PercentEncode("https://x.gov/a b", "/:") == "https://x.gov/a%20b");
  CHECK(PercentEncode("caf\xC3\xA9~-._", "") == "caf%C3%A9~-._");
  CHECK(PercentDecode(PercentEncode(name, "")) == name);
}

}  // namespace icetrack
