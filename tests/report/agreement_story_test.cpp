#include "report/agreement_story.h"

#include <doctest/doctest.h>

#include <set>

namespace icetrack {
namespace {

StoredEvent Event(int64_t id, const char* at, ListKind list, EventKind kind) {
  StoredEvent e;
  e.id = id;
  e.at = at;
  e.event.list = list;
  e.event.kind = kind;
  e.event.state_code = "TX";
  e.event.agency = "Tye Police Department";
  e.event.model = Model::TFM;
  return e;
}

// Tye applied in February, was approved (the pending list dropped it the day
// the roster listed it signed) and its MOA came out a month later.
std::vector<AgreementHistory> Tye() {
  AgreementHistory pending;
  pending.list = ListKind::Pending;
  pending.status = AgreementStatus::Removed;
  pending.current.state_code = "TX";
  pending.current.agency = "Tye Police Department";
  pending.current.model = Model::TFM;
  pending.first_seen = "2025-02-01T12:00:00Z";
  pending.last_seen = "2025-02-27T12:00:00Z";
  pending.events.push_back(Event(3, "2025-02-01T12:00:00Z", ListKind::Pending, EventKind::PendingAdded));
  pending.events.push_back(Event(9, "2025-03-05T12:00:00Z", ListKind::Pending, EventKind::Approved));
  pending.events.back().event.since = "2025-02-01T12:00:00Z";
  pending.events.back().event.signed_date = "2025-03-01";
  AgreementHistory signed_one;
  signed_one.current = pending.current;
  signed_one.current.agency = "TYE POLICE DEPARTMENT";  // another spelling: the same agency
  signed_one.current.signed_date = "2025-03-01";
  signed_one.current.moa_url = "https://www.ice.gov/doclib/tye.pdf";
  signed_one.first_seen = "2025-03-05T12:00:00Z";
  signed_one.last_seen = "2025-05-19T12:00:00Z";
  signed_one.events.push_back(Event(8, "2025-03-05T12:00:00Z", ListKind::Participating, EventKind::Signed));
  signed_one.events.back().event.signed_date = "2025-03-01";
  signed_one.events.push_back(Event(12, "2025-04-02T12:00:00Z", ListKind::Participating, EventKind::MoaPublished));
  signed_one.events.back().event.moa_url = "https://www.ice.gov/doclib/tye.pdf";
  return {signed_one, pending};
}

TEST_CASE("show tells an agency's story in order and in a reader's words: applied, approved, signed, MOA published") {
  std::string text = ShowText(Tye());
  CHECK(text ==
        "TX  TYE POLICE DEPARTMENT\n"
        "  TFM  participating list, present — listed 2025-03-05 .. 2025-05-19, signed 2025-03-01\n"
        "       MOA https://www.ice.gov/doclib/tye.pdf\n"
        "  TFM  pending list, removed — listed 2025-02-01 .. 2025-02-27\n"
        "    2025-02-01  applied\n"
        "    2025-03-05  approved — signed 2025-03-01, pending since 2025-02-01\n"
        "    2025-03-05  signed — signed 2025-03-01\n"
        "    2025-04-02  MOA published — https://www.ice.gov/doclib/tye.pdf\n"
        "\n");
  CHECK(text.find("pending_removed") == std::string::npos);
  CHECK(text.find("approved") != std::string::npos);
}

TEST_CASE("every kind of an agreement's event has words of its own, and a pending list's are its own") {
  std::set<std::string> seen;
  for (EventKind kind : AllEventKinds()) {
    ChangeEvent e;
    e.kind = kind;
    std::string words = StoryWords(e);
    CHECK_MESSAGE(words.find('_') == std::string::npos, words);  // a reader's words, not a kind's name
    CHECK_MESSAGE(seen.insert(words).second, words);               // no two kinds told alike
  }
  ChangeEvent baseline;
  baseline.kind = EventKind::Baseline;
  CHECK(StoryWords(baseline) == "listed");
  baseline.list = ListKind::Pending;
  CHECK(StoryWords(baseline) == "on the pending list");
}

TEST_CASE("show --json gives each agreement its own story, a step an event") {
  auto j = ShowJson(Tye());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["story"].size() == 2);
  CHECK(j[0]["story"][1]["words"] == "MOA published");
  CHECK(j[0]["story"][1]["event"] == 12);
  CHECK(j[1]["story"][1]["words"] == "approved");
  CHECK(j[1]["events"][1]["kind"] == "approved");
}

}  // namespace
}  // namespace icetrack
