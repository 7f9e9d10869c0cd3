#include "alerts/slack_message.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "alerts/text_limits.h"
#include "tests/alerts/digest_events.h"

namespace icetrack {
namespace {

nlohmann::json Message(int events) {
  return nlohmann::json::parse(SlackMessage(BuildDigest(test::SignedEvents(events))));
}

// Slack's limits (docs.slack.dev: Block Kit), and the ~13,000 characters of
// blocks it refuses as msg_blocks_too_long.
void CheckWithinLimits(const nlohmann::json& m) {
  REQUIRE(m["blocks"].is_array());
  CHECK(m["blocks"].size() <= 50);
  CHECK(CharCount(m["text"].get<std::string>()) <= 3000);
  size_t total = 0;
  for (const auto& b : m["blocks"]) {
    std::string text = b["type"] == "context" ? b["elements"][0]["text"].get<std::string>()
                                              : b["text"]["text"].get<std::string>();
    if (b["type"] == "header") CHECK(CharCount(text) <= 150);
    if (b["type"] == "section") CHECK(CharCount(text) <= 3000);
    total += CharCount(text);
  }
  CHECK(total <= 12000);
}

TEST_CASE("a 300-event digest stays within Slack's limits and says how many more there are") {
  nlohmann::json m = Message(300);
  CheckWithinLimits(m);
  const auto& last = m["blocks"].back();
  CHECK(last["type"] == "context");
  std::string note = last["elements"][0]["text"];
  CHECK(note.find("more") != std::string::npos);
  size_t shown = 0;
  for (const auto& b : m["blocks"]) {
    if (b["type"] != "section") continue;
    std::string t = b["text"]["text"];
    for (size_t at = t.find("• "); at != std::string::npos; at = t.find("• ", at + 1)) ++shown;
  }
  CHECK(note == "…and " + std::to_string(300 - shown) + " more; `icetrack log` lists them all.");
  CHECK(m["blocks"][0]["type"] == "header");
  CHECK(m["blocks"][0]["text"]["text"] == "icetrack: 300 agreements signed (ICE 287(g))");
}

TEST_CASE("a small digest is whole, each line with its MOA link") {
  nlohmann::json m = Message(3);
  CheckWithinLimits(m);
  REQUIRE(m["blocks"].size() == 2);
  std::string section = m["blocks"][1]["text"]["text"];
  CHECK(section.rfind("*3 agreements signed: FL 1, GA 1, TX 1*\n• Agency number 0 County Sheriff's Office (FL, TFM)", 0) == 0);
  CHECK(section.find("<https://www.ice.gov/doclib/287gMOA/Agency2_TFM_MOA.pdf|MOA>") != std::string::npos);
}

TEST_CASE("text from a workbook cannot ping a channel or forge a link") {
  std::vector<StoredEvent> events = test::SignedEvents(1);
  events[0].event.agency = "<!channel> & <https://evil.example|click>";
  events[0].event.moa_url = "https://www.ice.gov/a|b>c";
  std::string section =
      nlohmann::json::parse(SlackMessage(BuildDigest(events)))["blocks"][1]["text"]["text"].get<std::string>();
  CHECK(section.find("<!channel>") == std::string::npos);
  CHECK(section.find("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;") != std::string::npos);
  CHECK(section.find("<https://www.ice.gov/a%7Cb%3Ec|MOA>") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
