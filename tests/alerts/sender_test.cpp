// Send against real receivers on 127.0.0.1: an HTTP server for webhooks,
// Slack and Discord, aiosmtpd for email, the real `apprise` command.
#include "alerts/sender.h"

#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "alerts/base64.h"
#include "tests/alerts/digest_events.h"
#include "tests/net/test_http_server.h"
#include "tests/support/smtp_test_server.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

constexpr char kSecret[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

// The receiver's own check, as a Standard Webhooks library does it: libcrypto
// directly, not icetrack's signing code.
bool SignatureValid(const httplib::Request& req, const std::string& secret) {
  std::string key;
  if (!Base64Decode(secret.substr(6), &key)) return false;
  std::string content = req.get_header_value("webhook-id") + "." + req.get_header_value("webhook-timestamp") + "." +
                        req.body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(content.data()),
       content.size(), mac, &n);
  std::string expected = "v1," + Base64Encode(std::string(reinterpret_cast<char*>(mac), n));
  return req.get_header_value("webhook-signature") == expected;
}

struct Receiver {
  test::TestHttpServer http;
  std::mutex mu;
  std::vector<httplib::Request> got;
  int status = 200;
  std::string reply = "ok";
  std::vector<std::pair<std::string, std::string>> headers;

  Receiver() {
    http.server().Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      got.push_back(req);
      res.status = status;
      for (const auto& [k, v] : headers) res.set_header(k, v);
      res.set_content(reply, "text/plain");
    });
    REQUIRE(http.Start());
  }
};

AlertTarget Webhook(const std::string& url, const std::string& secret = kSecret) {
  AlertTarget t;
  t.name = "hook";
  t.channel = Channel::Webhook;
  t.url = url;
  t.secret = {secret, "test"};
  return t;
}

Delivery OneDelivery() {
  Delivery d;
  d.id = "msg_0123456789abcdef01234567";
  d.target = "hook";
  d.created_at = "2026-03-05T17:00:00Z";
  return d;
}

SendOptions Options() {
  SendOptions o;
  o.user_agent = "icetrack-test";
  o.now = UtcTime{1780000000};
  o.timeout = std::chrono::seconds(20);
  return o;
}

TEST_CASE("a webhook arrives signed, as Standard Webhooks says, and a receiver verifies it") {
  Receiver r;
  auto events = test::SignedEvents(3);
  AttemptOutcome o = Send(Webhook(r.http.Url("/hook")), OneDelivery(), events, Options());
  CHECK(o.result == AttemptResult::Delivered);
  CHECK(o.error.empty());
  REQUIRE(r.got.size() == 1);
  const httplib::Request& req = r.got[0];
  CHECK(req.get_header_value("webhook-id") == "msg_0123456789abcdef01234567");
  CHECK(req.get_header_value("webhook-timestamp") == "1780000000");
  CHECK(req.get_header_value("Content-Type") == "application/json");
  CHECK(SignatureValid(req, kSecret));
  CHECK_FALSE(SignatureValid(req, "whsec_" + Base64Encode(std::string(32, 'k'))));
  nlohmann::json body = nlohmann::json::parse(req.body);
  CHECK(body["data"]["events"].size() == 3);
}

TEST_CASE("a receiver that refuses a wrong signature makes the attempt fail for good, with its reason") {
  test::TestHttpServer strict;
  strict.server().Post("/strict", [](const httplib::Request& req, httplib::Response& res) {
    bool ok = SignatureValid(req, kSecret);
    res.status = ok ? 204 : 401;
    res.set_content(ok ? "" : "bad signature\nmore", "text/plain");
  });
  REQUIRE(strict.Start());
  AlertTarget wrong = Webhook(strict.Url("/strict"), "whsec_" + Base64Encode(std::string(32, 'w')));
  AttemptOutcome o = Send(wrong, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Failed);
  CHECK(o.error == "http://127.0.0.1:" + std::to_string(strict.port()) + "/…: HTTP 401: bad signature");
  CHECK(Send(Webhook(strict.Url("/strict")), OneDelivery(), test::SignedEvents(1), Options()).result ==
        AttemptResult::Delivered);
}

TEST_CASE("HTTP answers are taken as the outbox needs them") {
  CHECK(ResultOfHttpStatus(200) == AttemptResult::Delivered);
  CHECK(ResultOfHttpStatus(204) == AttemptResult::Delivered);
  CHECK(ResultOfHttpStatus(500) == AttemptResult::Retry);
  CHECK(ResultOfHttpStatus(503) == AttemptResult::Retry);
  CHECK(ResultOfHttpStatus(408) == AttemptResult::Retry);
  CHECK(ResultOfHttpStatus(429) == AttemptResult::Retry);
  CHECK(ResultOfHttpStatus(410) == AttemptResult::Gone);
  CHECK(ResultOfHttpStatus(400) == AttemptResult::Failed);
  CHECK(ResultOfHttpStatus(404) == AttemptResult::Failed);
  CHECK(ResultOfHttpStatus(301) == AttemptResult::Failed);
}

TEST_CASE("429 brings its Retry-After, 500 is retried, each is tried once, never repeated here") {
  Receiver r;
  r.status = 429;
  r.headers = {{"Retry-After", "120"}};
  AttemptOutcome o = Send(Webhook(r.http.Url("/hook")), OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Retry);
  REQUIRE(o.retry_after);
  CHECK(*o.retry_after == 120);
  r.status = 500;
  r.headers.clear();
  o = Send(Webhook(r.http.Url("/hook")), OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Retry);
  CHECK(r.got.size() == 2);
}

TEST_CASE("a redirect is not followed: the error names where it points") {
  Receiver r;
  r.status = 301;
  r.headers = {{"Location", "https://elsewhere.example/hook"}};
  AttemptOutcome o = Send(Webhook(r.http.Url("/hook")), OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Failed);
  CHECK(o.error.find("HTTP 301, redirected to https://elsewhere.example/…") != std::string::npos);
  CHECK(r.got.size() == 1);
}

TEST_CASE("no receiver at all is retried, and the error never shows the token in the URL") {
  int port = 0;
  {
    Receiver gone;
    port = gone.http.port();
  }
  AlertTarget slack = Webhook("http://127.0.0.1:" + std::to_string(port) + "/services/T000/B000/SECRET-TOKEN");
  slack.channel = Channel::Slack;
  AttemptOutcome o = Send(slack, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Retry);
  CHECK(o.error.find("SECRET-TOKEN") == std::string::npos);
  CHECK(o.error.find("http://127.0.0.1:" + std::to_string(port) + "/…") != std::string::npos);
}

TEST_CASE("a token in the URL stays out of the error, whatever the receiver echoes") {
  Receiver r;
  r.status = 301;
  std::string path = "/services/T000/B000/SECRETTOK";
  r.headers = {{"Location", "https://127.0.0.1" + path}};
  AlertTarget slack = Webhook(r.http.Url(path));
  slack.channel = Channel::Slack;
  AttemptOutcome o = Send(slack, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.error.find("SECRETTOK") == std::string::npos);
  CHECK(o.error.find("redirected to https://127.0.0.1/…") != std::string::npos);
  r.status = 404;
  r.headers.clear();
  r.reply = "no such hook: " + path + "?token=SECRETTOK";
  o = Send(slack, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Failed);
  CHECK(o.error.find("SECRETTOK") == std::string::npos);
  CHECK(o.error.find("HTTP 404: no such hook: ") != std::string::npos);
}

TEST_CASE("a 2xx is delivered even when its answer is too long to read") {
  Receiver r;
  r.reply = std::string(2 << 20, 'x');
  AttemptOutcome o = Send(Webhook(r.http.Url("/hook")), OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Delivered);
  CHECK(r.got.size() == 1);
}

TEST_CASE("Slack and Discord receivers get their JSON") {
  Receiver r;
  AlertTarget slack = Webhook(r.http.Url("/slack"));
  slack.channel = Channel::Slack;
  CHECK(Send(slack, OneDelivery(), test::SignedEvents(300), Options()).result == AttemptResult::Delivered);
  AlertTarget discord = Webhook(r.http.Url("/discord"));
  discord.channel = Channel::Discord;
  CHECK(Send(discord, OneDelivery(), test::SignedEvents(300), Options()).result == AttemptResult::Delivered);
  REQUIRE(r.got.size() == 2);
  nlohmann::json s = nlohmann::json::parse(r.got[0].body), d = nlohmann::json::parse(r.got[1].body);
  CHECK(s["blocks"].size() <= 50);
  CHECK(s["blocks"][0]["type"] == "header");
  CHECK(r.got[0].get_header_value("webhook-signature").empty());  // Slack is not signed Standard Webhooks
  CHECK(d["embeds"].size() <= 10);
  CHECK(d["allowed_mentions"]["parse"].empty());
}

TEST_CASE("the real apprise command delivers to a loopback json:// URL") {
  Receiver r;
  AlertTarget apprise;
  apprise.name = "apprise";
  apprise.channel = Channel::Apprise;
  apprise.url = "json://127.0.0.1:" + std::to_string(r.http.port()) + "/notify";
  AttemptOutcome o = Send(apprise, OneDelivery(), test::SignedEvents(2), Options());
  CHECK(o.result == AttemptResult::Delivered);
  REQUIRE(r.got.size() == 1);
  CHECK(r.got[0].path == "/notify");
  nlohmann::json body = nlohmann::json::parse(r.got[0].body);
  CHECK(body["title"] == "icetrack: 2 agreements signed (ICE 287(g))");
  std::string message = body["message"];
  CHECK(message.find("2 agreements signed: FL 1, TX 1") != std::string::npos);
  CHECK(message.find("Agency number 1 County Sheriff's Office (TX, TFM)") != std::string::npos);
}

TEST_CASE("apprise failing is retried, with its complaint and without the URL's token") {
  int port = 0;
  {
    Receiver gone;
    port = gone.http.port();
  }
  AlertTarget apprise;
  apprise.name = "apprise";
  apprise.channel = Channel::Apprise;
  apprise.url = "json://127.0.0.1:" + std::to_string(port) + "/SECRET-TOKEN";
  AttemptOutcome o = Send(apprise, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Retry);
  CHECK(o.error.rfind("apprise exited with 1", 0) == 0);
  CHECK(o.error.find("SECRET-TOKEN") == std::string::npos);
  apprise.url = "Nosuchservice://SECRETTOKEN@x/";
  o = Send(apprise, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Failed);
  CHECK(o.error.find("SECRETTOKEN") == std::string::npos);
  CHECK(o.error.find("ecrettoken") == std::string::npos);
}

AlertTarget Email(const test::SmtpTestServer& server) {
  AlertTarget t;
  t.name = "desk";
  t.channel = Channel::Email;
  t.url = server.Url();
  t.from = {"icetrack", "icetrack@example.org"};
  t.to = {{"", "desk@example.org"}};
  t.ca_file = server.ca_file();
  return t;
}

TEST_CASE("email goes over STARTTLS, AUTH only after it, with both parts") {
  test::TempDir dir;
  test::SmtpTestServer server(dir.path());
  REQUIRE(server.Start({true, "icetrack", "s3cret-pass"}));
  AlertTarget t = Email(server);
  t.username = "icetrack";
  t.password = {"s3cret-pass", "test"};
  AttemptOutcome o = Send(t, OneDelivery(), test::SignedEvents(2), Options());
  CHECK(o.error == "");
  CHECK(o.result == AttemptResult::Delivered);
  std::vector<nlohmann::json> got = server.Messages();
  REQUIRE(got.size() == 1);
  CHECK(got[0]["mail_from"] == "icetrack@example.org");
  CHECK(got[0]["rcpt_tos"] == nlohmann::json::array({"desk@example.org"}));
  CHECK(got[0]["tls"] == true);
  REQUIRE(got[0]["auth"].size() == 1);
  CHECK(got[0]["auth"][0]["tls"] == true);
  CHECK(got[0]["auth"][0]["ok"] == true);
  std::string data = got[0]["data"];
  CHECK(data.find("Message-ID: <msg_0123456789abcdef01234567.icetrack@example.org>") != std::string::npos);
  CHECK(data.find("text/plain") != std::string::npos);
  CHECK(data.find("text/html") != std::string::npos);
}

TEST_CASE("a wrong password is a permanent failure that never shows the password") {
  test::TempDir dir;
  test::SmtpTestServer server(dir.path());
  REQUIRE(server.Start({true, "icetrack", "right"}));
  AlertTarget t = Email(server);
  t.username = "icetrack";
  t.password = {"wrong-pass-123", "test"};
  AttemptOutcome o = Send(t, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Failed);
  CHECK(o.error.find("wrong-pass-123") == std::string::npos);
  CHECK(o.error.rfind(server.Url() + ": ", 0) == 0);
  CHECK(server.Messages().empty());
}

TEST_CASE("a server without STARTTLS is refused unless tls = none is written") {
  test::TempDir dir;
  test::SmtpTestServer server(dir.path());
  REQUIRE(server.Start({false, "", ""}));
  AlertTarget t = Email(server);
  AttemptOutcome o = Send(t, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Failed);
  CHECK(o.error == server.Url() + ": the server does not offer STARTTLS (tls = \"none\" allows a clear connection)");
  CHECK(server.Messages().empty());
  t.tls = TlsMode::None;
  CHECK(Send(t, OneDelivery(), test::SignedEvents(1), Options()).result == AttemptResult::Delivered);
  REQUIRE(server.Messages().size() == 1);
  CHECK(server.Messages()[0]["tls"] == false);
}

TEST_CASE("a certificate that does not verify is refused") {
  test::TempDir dir, other;
  test::SmtpTestServer server(dir.path());
  REQUIRE(server.Start({true, "", ""}));
  REQUIRE(test::MakeTestCertificate(other.path()));
  AlertTarget t = Email(server);
  t.ca_file = other.File("cert.pem");
  AttemptOutcome o = Send(t, OneDelivery(), test::SignedEvents(1), Options());
  CHECK(o.result == AttemptResult::Failed);
  CHECK(server.Messages().empty());
}

}  // namespace
}  // namespace icetrack
