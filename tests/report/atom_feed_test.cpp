#include "report/atom_feed.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

StoredEvent Signed(int64_t id, const char* at, const char* uid) {
  StoredEvent e;
  e.id = id;
  e.at = at;
  e.uid = uid;
  e.event.kind = EventKind::Signed;
  e.event.state_code = "FL";
  e.event.agency = "Polk County Sheriff\xE2\x80\x99s Office & Jail";
  e.event.model = Model::JEM;
  e.event.moa_url = "https://www.ice.gov/doclib/polk.pdf?a=1&b=2";
  return e;
}

TEST_CASE("an Atom entry: a tag URI from the event's uid, a title a person reads, the MOA as its link") {
  StoredEvent e = Signed(4, "2025-03-01T12:00:00Z", "0123456789abcdef0123456789abcdef");
  CHECK(EventTagUri(e) == "tag:icetrack.events,2025:0123456789abcdef0123456789abcdef");
  CHECK(EventTitle(e) == "Signed: Polk County Sheriff\xE2\x80\x99s Office & Jail, FL (JEM)");
  std::string feed = AtomFeed({e}, AtomOptions());
  CHECK(feed.find("<id>tag:icetrack.events,2025:0123456789abcdef0123456789abcdef</id>") != std::string::npos);
  CHECK(feed.find("<title>Signed: Polk County Sheriff\xE2\x80\x99s Office &amp; Jail, FL (JEM)</title>") !=
        std::string::npos);
  CHECK(feed.find("href=\"https://www.ice.gov/doclib/polk.pdf?a=1&amp;b=2\"") != std::string::npos);
  CHECK(feed.find("<updated>2025-03-01T12:00:00Z</updated>") != std::string::npos);
}

TEST_CASE("an Atom feed: newest first, at most max_entries, its updated the newest entry's, else the one given") {
  std::vector<StoredEvent> events = {Signed(1, "2025-01-01T00:00:00Z", "a"), Signed(3, "2025-03-01T00:00:00Z", "c"),
                                     Signed(2, "2025-02-01T00:00:00Z", "b")};
  AtomOptions o;
  o.max_entries = 2;
  std::string feed = AtomFeed(events, o);
  size_t c = feed.find(",2025:c<"), b = feed.find(",2025:b<");
  CHECK(c < b);
  CHECK(feed.find(",2025:a<") == std::string::npos);
  CHECK(feed.find("</author>\n") != std::string::npos);
  CHECK(feed.find("<updated>2025-03-01T00:00:00Z</updated>\n  <author>") != std::string::npos);
  o.updated = "2026-01-01T00:00:00Z";
  CHECK(AtomFeed({}, o).find("<updated>2026-01-01T00:00:00Z</updated>") != std::string::npos);
}

TEST_CASE("a notice's entry is titled in words and by its detail, and links to ICE's page") {
  StoredEvent e;
  e.uid = "n";
  e.at = "2025-01-01T00:00:00Z";
  e.event.kind = EventKind::SuspiciousSnapshot;
  e.event.detail = "would take away 3 of 5 rows";
  CHECK(EventTitle(e) == "Publication held back as suspicious: would take away 3 of 5 rows");
  CHECK(AtomFeed({e}, AtomOptions()).find("<link rel=\"alternate\" href=\"https://www.ice.gov/identify-and-arrest/287g\"/>\n    <category") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
