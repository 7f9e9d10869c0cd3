// Fuzz target: the cost estimate that guards gumbo (fetcher/html_cost.h).
// Invariant: the estimate bounds the tree gumbo builds, within a constant
// factor (the elements HTML implies, such as <tbody> and <tr>, are not in
// the source): a page whose tree is N deep cannot be estimated as a few
// units deep, which is how a quadratic shape would pass the budget unseen
// (an <svg> of nested <td>s did). The input is small, so gumbo runs on it
// whatever the estimate says.
#include <algorithm>
#include <string>

#include "fetcher/html_cost.h"
#include "fetcher/html_document.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// The deepest element of the tree gumbo builds from `html`.
int64_t TreeDepth(const std::string& html) {
  icetrack::HtmlDocument document(html);
  int64_t depth = 0, deepest = 0;
  auto is_element = [](const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; };
  icetrack::WalkTree(
      document.root(),
      [&](const GumboNode* n) {
        if (is_element(n)) deepest = std::max(deepest, ++depth);
        return true;
      },
      [&](const GumboNode* n) {
        if (is_element(n)) --depth;
      });
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;  // gumbo is quadratic on what the estimate is for
  std::string html(icetrack::fuzz::Text(data, size));
  std::string missing;
  FUZZ_CHECK(icetrack::HtmlDocument::Loadable(&missing));
  icetrack::HtmlTreeWork w = icetrack::EstimateHtmlTreeWork(html, INT64_MAX);
  int64_t depth = TreeDepth(html);
  if (depth > 3 * w.max_depth + 8) {
    std::fprintf(stderr, "tree %lld deep, estimated %lld\n", static_cast<long long>(depth),
                 static_cast<long long>(w.max_depth));
  }
  FUZZ_CHECK(depth <= 3 * w.max_depth + 8);
  return 0;
}
