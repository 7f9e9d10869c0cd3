#include <doctest/doctest.h>

#include "model/text_fold.h"

namespace icetrack {

TEST_CASE("key folding makes ICE's alternate spellings equal") {
  CHECK(FoldForKey("St. Mary\xE2\x80\x99s Parish  Sheriff") == FoldForKey("ST MARY'S PARISH SHERIFF"));
  CHECK(FoldForKey("Town of A & B") == FoldForKey("Town of A and B"));
  CHECK(FoldForKey("Town of A&B") == "town of a and b");
  CHECK(FoldForKey("Do\xC3\xB1" "a Ana County") == "dona ana county");
  CHECK(FoldForKey("O'Brien County") == "obrien county");
  CHECK(FoldForKey("Lee County Sheriff's Office ") == FoldForKey("Lee County Sheriff`s Office"));
  CHECK(FoldForKey("Lee County") != FoldForKey("Levy County"));
}

TEST_CASE("well-formed UTF-8 is told from what is not") {
  CHECK(IsValidUtf8("Sheriff\xE2\x80\x99s Office"));
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("Do\xC3\xB1" "a Ana"));
  CHECK_FALSE(IsValidUtf8("\xff"));
  CHECK_FALSE(IsValidUtf8("Sheriff\xE2\x80"));  // cut short
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));         // overlong "/"
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));     // a surrogate
}

TEST_CASE("bytes that are not UTF-8 are kept as themselves, never dropped or thrown on") {
  size_t i = 0;
  CHECK(DecodeUtf8("\xff", &i) == 0xff);
  CHECK(i == 1);
  CHECK(FoldForKey("\xff\xfe Polk") == "yt polk");  // read as Latin-1: "ÿþ"
  std::string cut = "Sheriff\xE2\x80";  // a code point cut short: its lead byte read as "â"
  CHECK(FoldForKey(cut) == "sheriffa");
}

TEST_CASE("a UTF-8 prefix never ends inside a sequence") {
  CHECK(Utf8Prefix("Caf\xC3\xA9s", 4) == "Caf");          // the \xC3\xA9 would be cut: left out
  CHECK(Utf8Prefix("Caf\xC3\xA9s", 5) == "Caf\xC3\xA9");
  CHECK(Utf8Prefix("\xE2\x80\x99", 2) == "");
  CHECK(Utf8Prefix("short", 100) == "short");
  CHECK(Utf8Prefix("", 0) == "");
}

}  // namespace icetrack
