// Fuzz target: learning ICE's MOA naming from roster rows and predicting
// from it (fetcher/moa_naming.h), on rows whose every field is outside input.
// The input is lines of six fields split by '|': state, code, agency, model
// (JEM, TFM, WSO or other), signing date, MOA URL; the last row is the one
// predicted for, and is also a document's text for TextNamesAgency.
// Invariants: at most `at_most` URLs, each once, each a pattern's literal
// start; every pattern used by at least one row; never a crash or a stall.
#include <set>
#include <sstream>

#include "fetcher/moa_naming.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

std::vector<icetrack::RosterRow> Rows(std::string_view text) {
  std::vector<icetrack::RosterRow> rows;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line) && rows.size() < 64;) {
    std::vector<std::string> f(1);
    for (char c : line) {
      if (c == '|') f.emplace_back();
      else f.back() += c;
    }
    f.resize(6);
    icetrack::RosterRow r;
    r.state = f[0], r.state_code = f[1], r.agency = f[2], r.signed_date = f[4], r.moa_url = f[5];
    icetrack::ParseModel(f[3], &r.model);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = icetrack::fuzz::Text(data, size);
  std::vector<icetrack::RosterRow> rows = Rows(text);
  if (rows.empty()) return 0;
  icetrack::MoaNaming naming = icetrack::LearnMoaNaming(rows);
  int uses = 0;
  for (const auto& p : naming.patterns) {
    FUZZ_CHECK(p.uses >= 1);
    uses += p.uses;
  }
  FUZZ_CHECK(uses <= static_cast<int>(rows.size()));
  for (size_t at_most : {size_t{1}, size_t{3}}) {
    std::vector<std::string> urls = icetrack::PredictMoaUrls(naming, rows.back(), at_most);
    FUZZ_CHECK(urls.size() <= at_most);
    FUZZ_CHECK(std::set<std::string>(urls.begin(), urls.end()).size() == urls.size());
    for (const std::string& url : urls) {
      bool from_a_pattern = false;
      for (const auto& p : naming.patterns)
        from_a_pattern = from_a_pattern || url.compare(0, p.text.find('{'), p.text, 0, p.text.find('{')) == 0;
      FUZZ_CHECK(from_a_pattern);
    }
  }
  icetrack::TextNamesAgency(text, rows.back());
  return 0;
}
