#include "report/csv.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("CSV quotes only what RFC 4180 asks to, doubles quotes and ends lines in CRLF") {
  CHECK(CsvField("Polk County") == "Polk County");
  CHECK(CsvField("Polk, FL") == "\"Polk, FL\"");
  CHECK(CsvField("the \"best\"") == "\"the \"\"best\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("cr\rhere") == "\"cr\rhere\"");
  CHECK(CsvField("Sheriff\xE2\x80\x99s Office") == "Sheriff\xE2\x80\x99s Office");  // bytes as they are
  CHECK(CsvField("") == "");
  CHECK(CsvLine({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
  CHECK(std::string(kUtf8Bom) == "\xEF\xBB\xBF");
}

}  // namespace
}  // namespace icetrack
