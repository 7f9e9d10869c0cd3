// Fuzz target: ICE's "As of ..." sentences, as text blocks (one per line of
// the input), without the HTML around them. Invariants: counts are never
// negative, a count is stated only with the paragraph it came from, and
// ParseCount reads back what it is given for plain numbers.
// Seeds: the text blocks of the fixture pages (scripts/fuzz.sh).
#include <string>
#include <vector>

#include "fetcher/as_of_totals.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = icetrack::fuzz::Text(data, size);
  std::vector<std::string> blocks;
  for (size_t start = 0; start <= text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    blocks.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  icetrack::AsOfTotals t = icetrack::ReadAsOfTotals(blocks);
  for (const auto* count : {&t.jem, &t.wso, &t.tfm, &t.total_moas}) {
    FUZZ_CHECK(!*count || **count >= 0);
    if (*count) FUZZ_CHECK(!t.participating_text.empty());
  }
  FUZZ_CHECK(!t.pending || (*t.pending >= 0 && !t.pending_text.empty()));
  for (const std::string& block : blocks) {
    if (block.empty() || block.size() > 9 || block.find_first_not_of("0123456789") != std::string::npos) continue;
    std::optional<int> n = icetrack::ParseCount(block);
    FUZZ_CHECK(n && *n == std::stoi(block));
  }
  return 0;
}
