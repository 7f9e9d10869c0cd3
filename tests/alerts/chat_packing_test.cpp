#include "alerts/chat_packing.h"

#include <doctest/doctest.h>

#include "alerts/text_limits.h"
#include "tests/alerts/digest_events.h"

namespace icetrack {
namespace {

std::string Same(const std::string& s) { return s; }
std::string Plain(const DigestLine& l) { return l.text; }

ChatLimits Small() {
  ChatLimits l;
  l.heading_chars = 40;
  l.box_chars = 300;
  l.line_chars = 120;
  l.max_boxes = 5;
  l.total_chars = 1000;
  l.note_chars = 50;
  return l;
}

TEST_CASE("what fits is packed in order, what does not is counted, and every limit holds") {
  Digest digest = BuildDigest(test::SignedEvents(40));
  ChatLimits limits = Small();
  PackedDigest packed = PackDigest(digest, limits, Same, Plain);
  REQUIRE(!packed.boxes.empty());
  CHECK(packed.boxes.size() <= limits.max_boxes - 1);  // one kept for the note
  size_t total = 0, lines = 0;
  for (const ChatBox& b : packed.boxes) {
    CHECK(CharCount(b.heading) <= limits.heading_chars);
    CHECK(CharCount(b.text) <= limits.box_chars);
    total += CharCount(b.heading) + CharCount(b.text);
    for (size_t at = 0; at != std::string::npos; at = b.text.find('\n', at + 1)) ++lines;
  }
  CHECK(total + limits.note_chars <= limits.total_chars);
  CHECK(lines + packed.left_out == 40);
  CHECK(packed.left_out > 0);
  CHECK(packed.boxes[1].heading.find("(continued)") != std::string::npos);
  CHECK(packed.boxes[0].text.find("Agency number 0 ") != std::string::npos);  // oldest first, none skipped
}

TEST_CASE("a digest that fits is packed whole, without a note") {
  PackedDigest packed = PackDigest(BuildDigest(test::SignedEvents(2)), Small(), Same, Plain);
  CHECK(packed.left_out == 0);
  REQUIRE(packed.boxes.size() == 1);
  CHECK(packed.boxes[0].heading == "2 agreements signed: FL 1, TX 1");
}

TEST_CASE("a line longer than allowed is cut, not dropped") {
  std::vector<StoredEvent> events = test::SignedEvents(1);
  events[0].event.agency = std::string(5000, 'x');
  PackedDigest packed = PackDigest(BuildDigest(events), Small(), Same, Plain);
  REQUIRE(packed.boxes.size() == 1);
  CHECK(CharCount(packed.boxes[0].text) == 120);
  CHECK(packed.left_out == 0);
}

}  // namespace
}  // namespace icetrack
