// ICE's own totals, read from the "As of ..." sentences of the 287(g) page.
//
// They are an independent check on the rows parsed from the workbooks (the
// page and the workbook of one day can differ by a row or two). Promises:
// reads the wordings ICE has used since 2024, e.g.
//   "As of May 2024, ICE has 287(g) JEM agreements with 60 law enforcement
//    agencies in 16 states. ICE also has 287(g) WSO with 75 ..."
//   "As of March 14, 2025, at 3 p.m., ICE has signed 287(g) JEM agreements
//    with 76 ... agencies in 23 states, 287(g) WSO agreements with 143 ..."
//   "... ICE has signed 640 Memorandums of Agreement ... These include JEM ..."
//   "... the following 34 287(g) program applications are pending."
//   "... ICE has 88 pending 287(g) program applications."
// Counts may be digits ("1,204") or words ("nine"). Only agency counts are
// kept, never state counts. A figure the page does not state stays empty;
// nothing is inferred or summed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

struct AsOfTotals {
  std::string as_of;                  // "As of March 14, 2025, at 3 p.m."; "" when none stated
  std::optional<int> jem, wso, tfm;   // participating agencies per model
  std::optional<int> total_moas;      // "ICE has signed 640 Memorandums of Agreement"
  std::string pending_as_of;          // the pending sentence's own "As of ..."
  std::optional<int> pending;         // pending program applications
  std::string participating_text;     // the paragraphs read, verbatim, for messages
  std::string pending_text;
};

// Reads the totals from a page's text blocks (see page_text.h): the first
// "As of" paragraph stating a per-model count, and the first stating a
// pending count.
AsOfTotals ReadAsOfTotals(const std::vector<std::string>& text_blocks);

// "60" -> 60, "1,204" -> 1204, "nine" -> 9, "twenty-one" -> 21; nullopt otherwise.
std::optional<int> ParseCount(std::string_view word);

}  // namespace icetrack
