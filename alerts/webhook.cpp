#include "alerts/webhook.h"

#include "alerts/base64.h"
#include "model/crypto_library.h"
#include "report/event_format.h"

namespace icetrack {
namespace {

constexpr char kSecretPrefix[] = "whsec_";

std::string KeyOf(const std::string& secret) {
  std::string key;
  Base64Decode(std::string_view(secret).substr(sizeof kSecretPrefix - 1), &key);
  return key;
}

}  // namespace

std::string WebhookBody(const Delivery& delivery, const Digest& digest, const std::vector<StoredEvent>& events,
                        bool test) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const StoredEvent& e : events) list.push_back(EventJson(e));
  nlohmann::ordered_json body;
  body["type"] = test ? "icetrack.test" : "icetrack.digest";
  body["timestamp"] = delivery.created_at;
  body["data"] = {{"delivery", delivery.id}, {"target", delivery.target}, {"test", test},
                  {"title", digest.title}, {"text", digest.Text()}, {"events", list}};
  return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Status CheckWebhookSecret(const std::string& secret) {
  if (secret.rfind(kSecretPrefix, 0) != 0) return Status::Error("a webhook secret starts with \"whsec_\"");
  std::string key;
  if (!Base64Decode(std::string_view(secret).substr(sizeof kSecretPrefix - 1), &key))
    return Status::Error("a webhook secret is \"whsec_\" and base64 (with padding)");
  if (key.size() < 24 || key.size() > 64)
    return Status::Error("a webhook secret holds 24 to 64 bytes, not " + std::to_string(key.size()));
  return Status::Ok();
}

std::string WebhookSignature(const std::string& secret, const std::string& id, int64_t timestamp,
                             const std::string& body) {
  std::string key = KeyOf(secret);
  std::string signed_content = id + "." + std::to_string(timestamp) + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  Crypto().hmac(Crypto().sha256(), key.data(), static_cast<int>(key.size()),
                reinterpret_cast<const unsigned char*>(signed_content.data()), signed_content.size(), mac, &length);
  return "v1," + Base64Encode(std::string_view(reinterpret_cast<const char*>(mac), length));
}

std::vector<std::pair<std::string, std::string>> WebhookHeaders(const std::string& secret, const std::string& id,
                                                                int64_t timestamp, const std::string& body) {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/json"}, {"webhook-id", id}, {"webhook-timestamp", std::to_string(timestamp)}};
  if (!secret.empty()) headers.push_back({"webhook-signature", WebhookSignature(secret, id, timestamp, body)});
  return headers;
}

}  // namespace icetrack
