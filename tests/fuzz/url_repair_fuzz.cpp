// Fuzz target: the URL repair of MOA cells (safelinks, "https:/", extension
// prefixes) and the cell reader around it. Invariants: repair is idempotent
// (a repaired URL needs no more repair), keeps valid UTF-8 valid, and a link
// cell with a URL says it is a link.
#include "model/text_fold.h"
#include "parser/moa_link.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = icetrack::fuzz::Text(data, size);
  std::string repaired = icetrack::RepairUrl(input);
  FUZZ_CHECK(icetrack::RepairUrl(repaired) == repaired);
  if (icetrack::IsValidUtf8(input)) FUZZ_CHECK(icetrack::IsValidUtf8(repaired));
  size_t bar = input.find('|');
  std::string_view text = input.substr(0, bar), link = bar == std::string_view::npos ? "" : input.substr(bar + 1);
  icetrack::LinkCell cell = icetrack::ReadLinkCell(text, link);
  if (!cell.url.empty()) FUZZ_CHECK(cell.status == icetrack::LinkStatus::Link);
  return 0;
}
