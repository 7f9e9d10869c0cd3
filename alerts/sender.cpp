#include "alerts/sender.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

#include "alerts/child_process.h"
#include "alerts/discord_message.h"
#include "alerts/email_message.h"
#include "alerts/slack_message.h"
#include "alerts/webhook.h"
#include "net/http_client.h"
#include "net/smtp_client.h"
#include "report/digest.h"

namespace icetrack {
namespace {

// `error` with every copy of the target's secrets and raw URL replaced.
std::string Scrubbed(std::string error, const AlertTarget& t) {
  auto replace = [&](const std::string& secret, const std::string& shown) {
    if (secret.empty()) return;
    for (size_t at = error.find(secret); at != std::string::npos; at = error.find(secret, at + shown.size()))
      error.replace(at, secret.size(), shown);
  };
  replace(t.url, t.ShownUrl());
  replace(t.password.value, "********");
  replace(t.secret.value, "********");
  for (char& c : error) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return error;
}

AttemptOutcome Outcome(AttemptResult result, const std::string& error, const AlertTarget& t) {
  AttemptOutcome o;
  o.result = result;
  o.error = result == AttemptResult::Delivered ? "" : Scrubbed(error, t);
  return o;
}

// The receiver's reason, as far as one line of it goes.
std::string Reason(const std::string& body) {
  std::string line = body.substr(0, body.find_first_of("\r\n"));
  if (line.size() > 200) line = line.substr(0, 200) + "…";
  return line.empty() ? "" : ": " + line;
}

AttemptOutcome Post(const AlertTarget& t, const std::string& body,
                    const std::vector<std::pair<std::string, std::string>>& headers, const SendOptions& options) {
  HttpClientOptions http;
  http.user_agent = options.user_agent;
  http.total_timeout = options.timeout;
  http.connect_timeout = std::min(options.timeout, std::chrono::milliseconds(15000));
  http.follow_redirects = false;
  http.max_body_bytes = 1 << 20;
  http.retry.max_attempts = 1;
  HttpRequest request;
  request.url = t.url;
  request.method = "POST";
  request.body = body;
  request.headers = headers;
  if (request.headers.empty()) request.headers.push_back({"Content-Type", "application/json"});
  HttpResponse response;
  Status status = HttpClient(http).Fetch(request, RetryBudget(std::chrono::milliseconds(0)), &response);
  if (response.status == 0) return Outcome(AttemptResult::Retry, status.message(), t);
  AttemptResult result = ResultOfHttpStatus(response.status);
  std::string error = t.ShownUrl() + ": HTTP " + std::to_string(response.status);
  if (response.status >= 300 && response.status < 400)
    error += ", redirected to " + response.headers.Get("Location") + " (write that URL in the configuration)";
  else if (result != AttemptResult::Delivered)
    error += Reason(response.body);
  AttemptOutcome o = Outcome(result, error, t);
  if (result == AttemptResult::Retry) {
    if (auto wait = response.retry_after()) o.retry_after = wait->count();
  }
  return o;
}

AttemptOutcome SendEmail(const AlertTarget& t, const Delivery& d, const Digest& digest, const SendOptions& options) {
  SmtpEnvelope envelope;
  envelope.url = t.url;
  envelope.tls = t.tls;
  envelope.username = t.username;
  envelope.password = t.password.value;
  envelope.ca_file = t.ca_file;
  envelope.mail_from = t.from.address;
  for (const Mailbox& m : t.to) envelope.rcpt_to.push_back(m.address);
  envelope.total_timeout = options.timeout;
  envelope.connect_timeout = std::min(options.timeout, std::chrono::milliseconds(15000));
  SmtpOutcome outcome;
  Status status = SendMail(envelope, EmailMessage(d, digest, t.from, t.to), &outcome);
  if (status.ok()) return Outcome(AttemptResult::Delivered, "", t);
  return Outcome(outcome.permanent ? AttemptResult::Failed : AttemptResult::Retry, status.message(), t);
}

// The URL goes to apprise in a private file, not on its command line, where
// every user of the machine could read the token in it.
AttemptOutcome SendApprise(const AlertTarget& t, const Digest& digest, const SendOptions& options) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/icetrack-apprise-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Outcome(AttemptResult::Retry, "apprise: cannot make its configuration file in " + path, t);
  std::string line = t.url + "\n";
  bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  close(fd);
  ChildResult result;
  Status status = written ? RunChild({options.apprise_program, "--config", path, "--title", digest.title,
                                      "--input-format", "text"},
                                     digest.Text(), options.timeout, &result)
                          : Status::Error("apprise: cannot write its configuration file");
  unlink(path.c_str());
  if (!status.ok()) return Outcome(AttemptResult::Retry, status.message(), t);
  if (result.exit_code == 0) return Outcome(AttemptResult::Delivered, "", t);
  // Its last complaint ("… - ERROR - what"), without the time stamp it puts first.
  std::string complaint;
  for (size_t at = 0; at < result.output.size();) {
    size_t end = result.output.find('\n', at);
    std::string line = result.output.substr(at, end == std::string::npos ? std::string::npos : end - at);
    for (const char* level : {" - ERROR - ", " - WARNING - "}) {
      size_t mark = line.find(level);
      if (mark != std::string::npos) complaint = line.substr(mark + std::strlen(level));
    }
    at = end == std::string::npos ? result.output.size() : end + 1;
  }
  // A URL apprise cannot read will not become readable by waiting.
  bool unusable = result.output.find("Unparseable URL") != std::string::npos ||
                  result.output.find("Invalid Apprise") != std::string::npos;
  return Outcome(unusable ? AttemptResult::Failed : AttemptResult::Retry,
                 "apprise exited with " + std::to_string(result.exit_code) + (complaint.empty() ? "" : ": " + complaint),
                 t);
}

}  // namespace

AttemptResult ResultOfHttpStatus(long status) {
  if (status >= 200 && status < 300) return AttemptResult::Delivered;
  if (status == 408 || status == 429 || (status >= 500 && status < 600)) return AttemptResult::Retry;
  if (status == 410) return AttemptResult::Gone;
  return AttemptResult::Failed;
}

AttemptOutcome Send(const AlertTarget& target, const Delivery& delivery, const std::vector<StoredEvent>& events,
                    const SendOptions& options) {
  Digest digest = BuildDigest(events, options.test);
  switch (target.channel) {
    case Channel::Email:
      return SendEmail(target, delivery, digest, options);
    case Channel::Webhook: {
      std::string body = WebhookBody(delivery, digest, events, options.test);
      return Post(target, body, WebhookHeaders(target.secret.value, delivery.id, options.now.seconds, body), options);
    }
    case Channel::Slack:
      return Post(target, SlackMessage(digest), {}, options);
    case Channel::Discord:
      return Post(target, DiscordMessage(digest), {}, options);
    case Channel::Apprise:
      return SendApprise(target, digest, options);
  }
  return Outcome(AttemptResult::Failed, "unknown channel", target);
}

}  // namespace icetrack
