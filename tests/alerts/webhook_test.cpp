#include "alerts/webhook.h"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "report/event_format.h"
#include "tests/alerts/digest_events.h"

namespace icetrack {
namespace {

// The example of the Standard Webhooks specification and its libraries' tests.
constexpr char kSecret[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

TEST_CASE("the signature is Standard Webhooks' v1 (its published example)") {
  CHECK(WebhookSignature(kSecret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}") ==
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST_CASE("the headers carry the id, this attempt's time and the signature of all three") {
  auto headers = WebhookHeaders(kSecret, "msg_1", 1780000000, "{}");
  std::map<std::string, std::string> h(headers.begin(), headers.end());
  CHECK(h["Content-Type"] == "application/json");
  CHECK(h["webhook-id"] == "msg_1");
  CHECK(h["webhook-timestamp"] == "1780000000");
  CHECK(h["webhook-signature"] == WebhookSignature(kSecret, "msg_1", 1780000000, "{}"));
  CHECK(h["webhook-signature"] != WebhookSignature(kSecret, "msg_1", 1780000001, "{}"));
  CHECK(WebhookHeaders("", "msg_1", 1, "{}").size() == 3);  // unsigned without a secret
}

TEST_CASE("the body is type, timestamp and data, its events as `log --json` prints them") {
  Delivery d;
  d.id = "msg_abc";
  d.target = "hook";
  d.created_at = "2026-03-05T17:00:00Z";
  std::vector<StoredEvent> events = test::SignedEvents(2);
  nlohmann::json body = nlohmann::json::parse(WebhookBody(d, BuildDigest(events), events, false));
  CHECK(body["type"] == "icetrack.digest");
  CHECK(body["timestamp"] == "2026-03-05T17:00:00Z");
  CHECK(body["data"]["delivery"] == "msg_abc");
  CHECK(body["data"]["target"] == "hook");
  CHECK(body["data"]["test"] == false);
  REQUIRE(body["data"]["events"].size() == 2);
  CHECK(body["data"]["events"][1] == nlohmann::json::parse(EventJson(events[1]).dump()));
  CHECK(nlohmann::json::parse(WebhookBody(d, BuildDigest(events, true), events, true))["type"] == "icetrack.test");
}

TEST_CASE("a secret is whsec_ and canonical base64 of 24 to 64 bytes") {
  CHECK(CheckWebhookSecret(kSecret).ok());
  CHECK(CheckWebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").message() == "a webhook secret starts with \"whsec_\"");
  CHECK(CheckWebhookSecret("whsec_not base64").message() == "a webhook secret is \"whsec_\" and base64 (with padding)");
  CHECK(CheckWebhookSecret("whsec_c2hvcnQ=").message() == "a webhook secret holds 24 to 64 bytes, not 5");
}

TEST_CASE("the events' JSON Schema knows every event kind, and no other") {
  std::ifstream in(ICETRACK_SOURCE_DIR "/docs/events.schema.json");
  nlohmann::json schema = nlohmann::json::parse(in);
  std::vector<std::string> documented = schema["$defs"]["event"]["properties"]["kind"]["enum"];
  std::vector<std::string> kinds;
  for (EventKind k : AllEventKinds()) kinds.push_back(ToString(k));
  CHECK(documented == kinds);
}

}  // namespace
}  // namespace icetrack
