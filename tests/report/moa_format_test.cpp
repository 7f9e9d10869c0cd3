#include "report/moa_format.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("the tally line says the probes and the texts only when there were any") {
  MoaCheckTally t;
  t.checked = 3, t.kept = 2, t.unchanged = 1;
  CHECK(MoaTallyLine(t) == "MOA documents: 3 checked, 2 new, 1 unchanged, 0 gone (404), 0 not PDFs, 0 failed");
  t.probed = 1, t.texts = 1;
  CHECK(MoaTallyLine(t) == "MOA documents: 3 checked, 2 new, 1 unchanged, 0 gone (404), 0 not PDFs, 0 failed; "
                           "1 predicted link asked, 0 found before the roster links them; 1 text read");
  t.probed = 4, t.found_unlinked = 1, t.texts = 10, t.unreadable = 2;
  CHECK(MoaTallyLine(t).find("; 4 predicted links asked, 1 found before the roster links them; 10 texts read "
                             "(2 unreadable)") != std::string::npos);
  CHECK(MoaTallyJson(t)["found_unlinked"] == 1);
}

TEST_CASE("a grep hit prints on a terminal without what a document could send it") {
  MoaTextHit hit;
  hit.sha256 = std::string(64, 'a');
  hit.size = 1234;
  hit.snippet = "the \x1b[2J[detention]\n\n  of\taliens";
  hit.served = {{"https://www.ice.gov/doclib/287gMOA/x.pdf", hit.sha256, "2026-11-26T10:00:00Z", 1234}};
  hit.agreements = {{"FL", "Polk County\x07 Sheriff's Office", "TFM"}};
  std::string out = MoaGrepListing({hit});
  CHECK(out == "FL  Polk County Sheriff's Office  TFM\n"
               "  https://www.ice.gov/doclib/287gMOA/x.pdf  since 2026-11-26\n"
               "  aaaaaaaaaaaa  1234 bytes\n"
               "  \"the [2J[detention] of aliens\"\n\n");
  CHECK(out.find('\x1b') == std::string::npos);
  hit.agreements.clear();
  CHECK(MoaGrepListing({hit}).rfind("(no agreement links it now)\n", 0) == 0);
}

}  // namespace
}  // namespace icetrack
