// HtmlTreeWork: what parsing a page will cost gumbo, estimated by a quick
// scan of its tags before gumbo sees it. Internal to fetcher/.
//
// Why: libgumbo (Debian 0.10.1) walks its stack of open elements at every
// tag, so deep nesting is quadratic: 10,000 nested <div>s take 1 s, 10,000
// <table><td><b> 34 s, and a 64 MB page would take hours. The estimate is
// the sum, over start tags, of the depth of elements open at that point (a
// linear scan, with end tags matched by name, void and raw-text elements as
// HTML has them, and a sibling <p>, <li>, <td>, ... closing the one before).
// Measured in one run (bench/html_cost_bench, docs/PERFORMANCE.md): gumbo
// takes at most 33 ns per unit in the worst shape tried, 18 ns for plain
// <div>s; ICE's real pages come to 42,142 units at most.
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
