#include "report/digest.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

StoredEvent Event(EventKind kind, const std::string& state, const std::string& agency) {
  StoredEvent s;
  s.at = "2026-03-05T16:49:28Z";
  s.snapshot_id = 9;
  s.event.kind = kind;
  s.event.state_code = state;
  s.event.agency = agency;
  s.event.model = Model::JEM;
  s.event.signed_date = "2026-03-01";
  s.event.moa_url = "https://www.ice.gov/doclib/287gMOA/" + state + ".pdf";
  return s;
}

TEST_CASE("grouped by kind, the kinds people care about first, each headed by its count and states") {
  std::vector<StoredEvent> events = {Event(EventKind::MoaPublished, "FL", "Polk County Sheriff's Office"),
                                     Event(EventKind::Signed, "TX", "Hays County Sheriff's Office"),
                                     Event(EventKind::Signed, "FL", "Lee County Sheriff's Office"),
                                     Event(EventKind::Signed, "FL", "Bay County Sheriff's Office")};
  Digest d = BuildDigest(events);
  CHECK(d.events == 4);
  CHECK(d.title == "icetrack: 3 agreements signed, 1 MOA published (ICE 287(g))");
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[0].heading == "3 agreements signed: FL 2, TX 1");
  CHECK(d.sections[1].heading == "1 MOA published: FL 1");
  CHECK(d.sections[0].lines[0].text ==
        "Hays County Sheriff's Office (TX, JEM) — signed 2026-03-01 — published 2026-03-05");
  CHECK(d.sections[0].lines[0].url == "https://www.ice.gov/doclib/287gMOA/TX.pdf");
  CHECK(d.Text().find("- Hays County Sheriff's Office (TX, JEM) — signed 2026-03-01 — published 2026-03-05 — MOA "
                      "https://www.ice.gov/doclib/287gMOA/TX.pdf\n") != std::string::npos);
}

TEST_CASE("a list's first publication is one short notice, never its rows") {
  StoredEvent baseline;
  baseline.at = "2026-01-01T12:00:00Z";
  baseline.event.kind = EventKind::Baseline;
  baseline.event.detail = "571 rows in the first publication of the participating list";
  Digest d = BuildDigest({baseline});
  CHECK(d.Text() == "Now tracking\n- now tracking 571 agreements (the participating list published 2026-01-01)\n");
  CHECK(d.title == "icetrack: now tracking (ICE 287(g))");
}

TEST_CASE("a quarantine names the command that releases it, a test says so, nothing is no section") {
  StoredEvent q;
  q.at = "2026-03-05T16:49:28Z";
  q.snapshot_id = 42;
  q.event.kind = EventKind::SuspiciousSnapshot;
  q.event.detail = "480 of 1200 agreements would be removed (40% > 25%)";
  Digest d = BuildDigest({q});
  CHECK(d.sections[0].lines[0].text ==
        "480 of 1200 agreements would be removed (40% > 25%); review it, then `icetrack accept 42` (2026-03-05)");
  CHECK(BuildDigest(SampleEvents(), true).title.rfind("[test] icetrack: ", 0) == 0);
  CHECK(BuildDigest({}).sections.empty());
}

TEST_CASE("HTML is escaped and links only http(s)") {
  StoredEvent e = Event(EventKind::Signed, "FL", "<script>alert(1)</script> & Co");
  e.event.moa_url = "javascript:alert(1)";
  std::string html = BuildDigest({e}).Html();
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co") != std::string::npos);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  e.event.moa_url = "https://www.ice.gov/a.pdf?x=1&y=\"2\"";
  CHECK(BuildDigest({e}).Html().find("href=\"https://www.ice.gov/a.pdf?x=1&amp;y=&quot;2&quot;\"") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
