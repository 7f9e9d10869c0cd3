#include <doctest/doctest.h>

#include "parser/text_date.h"

namespace icetrack {

std::string Read(const char* text) {
  CivilDate d;
  switch (ReadTextDate(text, &d)) {
    case TextDateResult::Date: return FormatDate(d);
    case TextDateResult::Ambiguous: return "ambiguous";
    case TextDateResult::NoDate: break;
  }
  return "none";
}

TEST_CASE("ordinary US dates, ISO dates and month names") {
  CHECK(Read("7/7/2025") == "2025-07-07");
  CHECK(Read(" 12/31/2025 ") == "2025-12-31");
  CHECK(Read("3/4/25") == "2025-03-04");
  CHECK(Read("2025-07-07") == "2025-07-07");
  CHECK(Read("2025-07-07T00:00:00") == "2025-07-07");
  CHECK(Read("July 7, 2025") == "2025-07-07");
  CHECK(Read("7 Jul 2025") == "2025-07-07");
}

TEST_CASE("ICE's typos: read only when exactly one reading is a real date") {
  CHECK(Read("7/72025") == "2025-07-07");
  CHECK(Read("05/082025") == "2025-05-08");
  CHECK(Read("5/31/20026") == "none");
  CHECK(Read("1212025") == "ambiguous");  // 1/21/2025 or 12/1/2025
  CHECK(Read("12122025") == "2025-12-12");
  CHECK(Read("2/30/2025") == "none");
  CHECK(Read("1/1/1899") == "none");  // not a plausible 287(g) date
  CHECK(Read("pending") == "none");
  CHECK(Read("") == "none");
  CHECK(Read("1/2/3/2025") == "none");
}

}  // namespace icetrack
