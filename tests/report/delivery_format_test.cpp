#include "report/delivery_format.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

Delivery D(DeliveryStatus status, std::string error = "") {
  Delivery d;
  d.id = "msg_0123456789abcdef01234567";
  d.target = "fl-desk";
  d.status = status;
  d.events = 3;
  d.attempts = 2;
  d.created_at = "2026-03-05T17:00:00Z";
  d.last_attempt_at = "2026-03-05T17:05:00Z";
  d.next_attempt_at = status == DeliveryStatus::Pending ? "2026-03-05T17:35:00Z" : "";
  d.delivered_at = status == DeliveryStatus::Delivered ? "2026-03-05T17:05:00Z" : "";
  d.last_error = std::move(error);
  return d;
}

TEST_CASE("a pass says what became of each delivery, and what to do about a failure") {
  DeliveryPass pass;
  pass.attempted = {D(DeliveryStatus::Delivered), D(DeliveryStatus::Pending, "HTTP 500"),
                    D(DeliveryStatus::Failed, "HTTP 400: bad")};
  pass.held = {D(DeliveryStatus::Pending, "the target is switched off in the configuration (enabled = false)")};
  std::vector<std::string> lines = DeliveryPassLines(pass);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "alert fl-desk: msg_0123456789abcdef01234567 (3 events): delivered");
  CHECK(lines[1] == "alert fl-desk: msg_0123456789abcdef01234567 (3 events): not delivered (HTTP 500); next attempt "
                    "2026-03-05T17:35:00Z");
  CHECK(lines[2] == "alert fl-desk: msg_0123456789abcdef01234567 (3 events): failed: HTTP 400: bad (`icetrack alerts "
                    "retry msg_0123456789abcdef01234567`)");
  CHECK(lines[3] == "alert fl-desk: msg_0123456789abcdef01234567 (3 events) held: the target is switched off in the "
                    "configuration (enabled = false)");
}

TEST_CASE("JSON has every field, null for what is unknown") {
  nlohmann::ordered_json j = DeliveryJson(D(DeliveryStatus::Failed, "HTTP 400: bad"));
  CHECK(j["status"] == "failed");
  CHECK(j["next_attempt_at"].is_null());
  CHECK(j["delivered_at"].is_null());
  CHECK(j["last_error"] == "HTTP 400: bad");
  CHECK(j["events"] == 3);
}

TEST_CASE("the table names switched-off targets first, with the command that switches them on") {
  std::vector<std::string> lines = DeliveryTableLines({D(DeliveryStatus::Expired, "gave up")}, {{"hook", "HTTP 410"}});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "target hook is switched off: HTTP 410 (`icetrack alerts enable hook`)");
  CHECK(lines[1].find("expired") != std::string::npos);
  CHECK(lines[1].find("gave up") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
