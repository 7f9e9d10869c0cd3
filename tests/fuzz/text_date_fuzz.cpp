// Fuzz target: the text-date reader of the SIGNED column. Invariants: a date
// read is a valid, plausible calendar date; reading is deterministic and
// insensitive to surrounding white space.
#include "parser/text_date.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = icetrack::fuzz::Text(data, size);
  icetrack::CivilDate date, again;
  icetrack::TextDateResult r = icetrack::ReadTextDate(text, &date);
  if (r == icetrack::TextDateResult::Date) {
    FUZZ_CHECK(icetrack::IsValidDate(date.year, date.month, date.day));
    FUZZ_CHECK(icetrack::IsPlausibleDate(date));
  }
  icetrack::TextDateResult padded = icetrack::ReadTextDate("  " + std::string(text) + " ", &again);
  FUZZ_CHECK(padded == r);
  if (r == icetrack::TextDateResult::Date)
    FUZZ_CHECK(again.year == date.year && again.month == date.month && again.day == date.day);
  return 0;
}
