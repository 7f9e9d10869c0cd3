// Delivery: one alert message to one target, as the outbox keeps it: the
// events it carries, where it stands, and when it is next tried. Its id is
// what every attempt sends again (webhook-id, Message-ID), so that a
// receiver can tell a retry from a new message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

enum class DeliveryStatus {
  Pending,    // to be sent, or sent again at next_attempt_at
  Delivered,  // the target took it
  Failed,     // the target refused it for good (a 4xx, a disabled target); `alerts retry` tries again
  Expired,    // the target kept failing past give_up_after
};
const char* ToString(DeliveryStatus status);  // "pending", "delivered", "failed", "expired"
bool ParseDeliveryStatus(std::string_view text, DeliveryStatus* out);

struct Delivery {
  std::string id;              // "msg_" and 24 hex digits, derived from its target and events
  std::string target;          // the [[alert]] name
  std::string created_at;      // ISO-8601 UTC; the message's own time, the same on every attempt
  std::string schedule_from;   // when the retry schedule began (created_at, or an `alerts retry`)
  DeliveryStatus status = DeliveryStatus::Pending;
  int attempts = 0;
  std::string next_attempt_at, last_attempt_at, delivered_at;  // "" when none
  std::string last_error;      // one line, never a secret
  int events = 0;              // how many events it carries
};

// What one pass over the outbox did (app/alert_delivery.h).
struct DeliveryPass {
  std::vector<Delivery> queued;     // made now
  std::vector<Delivery> attempted;  // as they stand after their attempt
  std::vector<Delivery> held;       // due and not tried (last_error says why: the target is off, unknown, …)
};

}  // namespace icetrack
