#include "alerts/discord_message.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "alerts/text_limits.h"
#include "tests/alerts/digest_events.h"

namespace icetrack {
namespace {

// Discord's limits (discord.com/developers/docs/resources/message#embed-object-embed-limits).
void CheckWithinLimits(const nlohmann::json& m) {
  CHECK(CharCount(m["content"].get<std::string>()) <= 2000);
  REQUIRE(m["embeds"].is_array());
  CHECK(m["embeds"].size() <= 10);
  size_t total = 0;
  for (const auto& e : m["embeds"]) {
    CHECK(CharCount(e["title"].get<std::string>()) <= 256);
    CHECK(CharCount(e["description"].get<std::string>()) <= 4096);
    total += CharCount(e["title"].get<std::string>()) + CharCount(e["description"].get<std::string>());
  }
  CHECK(total <= 6000);
  CHECK(m["allowed_mentions"]["parse"] == nlohmann::json::array());
}

TEST_CASE("a 300-event digest stays within Discord's limits and says how many more there are") {
  nlohmann::json m = nlohmann::json::parse(DiscordMessage(BuildDigest(test::SignedEvents(300))));
  CheckWithinLimits(m);
  size_t shown = 0;
  for (const auto& e : m["embeds"]) {
    std::string d = e["description"];
    for (size_t at = d.find("• "); at != std::string::npos; at = d.find("• ", at + 1)) ++shown;
  }
  CHECK(shown > 10);
  CHECK(m["content"] == "**icetrack: 300 agreements signed (ICE 287(g))**\n…and " +
                            std::to_string(300 - shown) + " more; `icetrack log` lists them all.");
}

TEST_CASE("a small digest is whole: one embed per kind, lines with their MOA links") {
  nlohmann::json m = nlohmann::json::parse(DiscordMessage(BuildDigest(test::SignedEvents(2))));
  CheckWithinLimits(m);
  REQUIRE(m["embeds"].size() == 1);
  CHECK(m["embeds"][0]["title"] == "2 agreements signed: FL 1, TX 1");
  std::string d = m["embeds"][0]["description"];
  CHECK(d.find("[MOA](https://www.ice.gov/doclib/287gMOA/Agency1_TFM_MOA.pdf)") != std::string::npos);
  CHECK(m["content"].get<std::string>().find("more") == std::string::npos);
}

TEST_CASE("markdown from a workbook is escaped, and mentions never ping") {
  std::vector<StoredEvent> events = test::SignedEvents(1);
  events[0].event.agency = "**@everyone** [x](https://evil.example)";
  nlohmann::json m = nlohmann::json::parse(DiscordMessage(BuildDigest(events)));
  std::string d = m["embeds"][0]["description"];
  CHECK(d.find("\\*\\*@everyone\\*\\* \\[x\\](https://evil.example)") != std::string::npos);
  CHECK(m["allowed_mentions"]["parse"].empty());
}

}  // namespace
}  // namespace icetrack
