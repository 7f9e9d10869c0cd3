// How long gumbo takes on the shapes that make it quadratic, against the
// work fetcher/html_cost.h estimates for them: the ratio that sets
// kMaxTreeWork (fetcher/page.h). Run by hand, in a Release build:
//   build-release/bench/html_cost_bench [ICE page files...]
// Prints one line per shape: elements, estimated work, gumbo seconds, and
// nanoseconds per unit of work.
#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "fetcher/html_cost.h"
#include "fetcher/page.h"

namespace {

double GumboSeconds(const std::string& html) {
  auto start = std::chrono::steady_clock::now();
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return seconds;
}

void Report(const std::string& what, const std::string& html) {
  icetrack::HtmlTreeWork w = icetrack::EstimateHtmlTreeWork(html, INT64_MAX);
  double s = GumboSeconds(html);
  std::printf("%-34s %9zu bytes  work %11lld  depth %6lld  gumbo %8.3f s  %6.1f ns/unit\n", what.c_str(),
              html.size(), static_cast<long long>(w.work), static_cast<long long>(w.max_depth), s,
              w.work ? s * 1e9 / static_cast<double>(w.work) : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  for (const char* shape : {"<div>", "<b>", "<span>", "<i><b>", "<b><div>", "<font><div>", "<table><td><b>",
                            "<b></p>", "<ul><li><b>", "<dl><dt><div>", "<svg><g>", "<math><mi>", "<em><td>",
                            // found by review: missed by the first estimate
                            "<span><div></span>", "<b><div></b>", "<p><b></p>", "<img_>", "<li><section>",
                            "<option><span>", "<p><object>",
                            // found by review and html_cost_fuzz: foreign content the estimate left out
                            "<svg><td>", "<svg><area>", "<math><caption>", "<svg><g></g >"}) {
    for (int n : {2000, 5000}) {
      std::string html = "<html><body>";
      for (int i = 0; i < n; ++i) html += shape;
      Report(std::string(shape) + " x " + std::to_string(n), html);
    }
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Report(argv[i], text.str());
  }
  std::printf("budget: %lld units (fetcher/page.h)\n", static_cast<long long>(icetrack::kMaxTreeWork));
  return 0;
}
