// Webhook messages as Standard Webhooks 1.0 defines them
// (https://www.standardwebhooks.com): a JSON body {"type", "timestamp",
// "data"} and three headers — webhook-id (the delivery id, the same on every
// retry, so a receiver can drop a repeat), webhook-timestamp (this attempt,
// in Unix seconds) and webhook-signature ("v1," and the base64 HMAC-SHA256
// of "id.timestamp.body" under the key a "whsec_" secret holds).
//
// data.events holds the events exactly as `icetrack log --json` prints them;
// docs/webhook-payload.schema.json describes the whole body. The body is the
// same on every attempt; only the timestamp and signature change.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/delivery.h"
#include "model/status.h"
#include "model/stored_event.h"
#include "report/digest.h"

namespace icetrack {

// "icetrack.digest", or "icetrack.test" for `icetrack alerts test`.
std::string WebhookBody(const Delivery& delivery, const Digest& digest, const std::vector<StoredEvent>& events,
                        bool test);

// Checks a "whsec_…" secret: the prefix, then canonical base64 of 24 to 64 bytes.
Status CheckWebhookSecret(const std::string& secret);

// "v1,<base64>"; the secret must pass CheckWebhookSecret.
std::string WebhookSignature(const std::string& secret, const std::string& id, int64_t timestamp,
                             const std::string& body);

// Content-Type, webhook-id, webhook-timestamp and (with a secret) webhook-signature.
std::vector<std::pair<std::string, std::string>> WebhookHeaders(const std::string& secret, const std::string& id,
                                                                int64_t timestamp, const std::string& body);

}  // namespace icetrack
