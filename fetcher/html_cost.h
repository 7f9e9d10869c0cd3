// HtmlTreeWork: what parsing a page will cost gumbo, estimated by a quick
// scan of its tags before gumbo sees it. Internal to fetcher/.
//
// Why: libgumbo (Debian 0.10.1) walks its stack of open elements at every
// tag, so deep nesting is quadratic: 10,000 nested <div>s take 1 s, 10,000
// <table><td><b> 34 s, and a 64 MB page would take hours. The estimate
// follows gumbo's tree builder closely enough to be an upper bound on the
// shapes known to be quadratic: the open elements' depth is added at every
// start and end tag (gumbo walks them); end tags are matched by name, not
// past a special element (or, for special elements, the scope's boundary),
// and a formatting element's only when it is the current node; formatting
// elements closed by something else count as rebuilt at the next tag (the
// clones gumbo makes); void and raw-text elements (not inside SVG or MathML),
// table parts outside a table, the tokenizer's comments ("<!-->", "--!>")
// and quoted attribute values are read as HTML has them; siblings close
// each other only as far as HTML lets them.
// Measured in one run (bench/html_cost_bench, docs/PERFORMANCE.md): gumbo
// takes at most 33 ns per unit in the worst shape tried; ICE's real pages
// come to 86,537 units at most. The scan itself is linear in the work it
// counts, so it stops at the budget as soon as gumbo would.
#pragma once

#include <cstdint>
#include <string_view>

namespace icetrack {

struct HtmlTreeWork {
  int64_t work = 0;      // the sum of depths
  int64_t max_depth = 0;
  bool over = false;     // the scan stopped at `budget`
};

// Scans `html`; stops as soon as the work exceeds `budget`.
HtmlTreeWork EstimateHtmlTreeWork(std::string_view html, int64_t budget);

}  // namespace icetrack
