#include "alerts/sender.h"

#include <algorithm>
#include <cctype>
#include <cstring>

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

// The parts of a URL that may be a token: its user part, every path
// segment, the query and the fragment (and for Apprise, whose URLs put
// tokens anywhere, the host too), longest first.
std::vector<std::string> TokensOf(const AlertTarget& t) {
  std::vector<std::string> tokens;
  const std::string& url = t.url;
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {url};
  size_t host = scheme + 3, path = url.find_first_of("/?#", host);
  std::string authority = url.substr(host, path == std::string::npos ? std::string::npos : path - host);
  size_t at = authority.rfind('@');
  if (at != std::string::npos) tokens.push_back(authority.substr(0, at));
  if (t.channel == Channel::Apprise) tokens.push_back(authority.substr(at == std::string::npos ? 0 : at + 1));
  if (path != std::string::npos) {
    std::string rest = url.substr(path);
    tokens.push_back(rest);
    for (size_t b = 0; b < rest.size();) {
      size_t e = rest.find_first_of("/?#&=", b + 1);
      std::string piece = rest.substr(b + 1, e == std::string::npos ? std::string::npos : e - b - 1);
      if (piece.size() >= 4) tokens.push_back(piece);
      b = e == std::string::npos ? rest.size() : e;
    }
  }
  std::sort(tokens.begin(), tokens.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return tokens;
}

std::string LowerAsciiCopy(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// `error` with every copy of the target's secrets, raw URL and URL tokens
// replaced, as one line: a receiver or apprise echoing them changes nothing.
std::string Scrubbed(std::string error, const AlertTarget& t) {
  auto replace = [&](const std::string& secret, const std::string& shown) {
    if (secret.empty()) return;
    for (const std::string& form : {secret, LowerAsciiCopy(secret)}) {
      for (size_t at = error.find(form); at != std::string::npos; at = error.find(form, at + shown.size()))
        error.replace(at, form.size(), shown);
    }
  };
  std::string shown = t.ShownUrl();
  replace(t.password.value, "********");
  replace(t.secret.value, "********");
  replace(t.url, shown);
  for (const std::string& token : TokensOf(t)) replace(token, "…");
  for (char& c : error) {
    if (c == '\n' || c == '\r' || static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return error;
}

// Where a redirect points, shown as URLs of targets are: scheme and host.
std::string ShownLocation(const std::string& location) {
  AlertTarget other;
  other.url = location;
  return other.ShownUrl();
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
  http.cancelled = options.cancelled;
  HttpRequest request;
  request.url = t.url;
  request.method = "POST";
  request.body = body;
  request.headers = headers;
  if (request.headers.empty()) request.headers.push_back({"Content-Type", "application/json"});
  HttpResponse response;
  Status status = HttpClient(http).Fetch(request, RetryBudget(std::chrono::milliseconds(0)), &response);
  if (response.status == 0) {
    AttemptOutcome o = Outcome(AttemptResult::Retry, status.message(), t);
    o.no_answer = true;
    return o;
  }
  // A 2xx is delivered even if its answer then failed us (too long, cut short): the receiver took it.
  AttemptResult result = ResultOfHttpStatus(response.status);
  std::string error = t.ShownUrl() + ": HTTP " + std::to_string(response.status);
  if (response.status >= 300 && response.status < 400)
    error += ", redirected to " + ShownLocation(response.headers.Get("Location")) +
             " (write the URL it redirects to in the configuration)";
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
  envelope.cancelled = options.cancelled;
  SmtpOutcome outcome;
  Status status = SendMail(envelope, EmailMessage(d, digest, t.from, t.to), &outcome);
  if (status.ok()) return Outcome(AttemptResult::Delivered, "", t);
  AttemptOutcome o = Outcome(outcome.permanent ? AttemptResult::Failed : AttemptResult::Retry, status.message(), t);
  o.no_answer = outcome.reply == 0 && !outcome.permanent;
  return o;
}

// The URL goes to apprise on descriptor 3, never on its command line, where
// every user of the machine could read the token in it, nor in a file that a
// kill would leave behind.
AttemptOutcome SendApprise(const AlertTarget& t, const Digest& digest, const SendOptions& options) {
  ChildResult result;
  Status status = RunChild({options.apprise_program, "--config", "/dev/fd/3", "--title", digest.title,
                            "--input-format", "text"},
                           digest.Text(), options.timeout, &result, t.url + "\n", options.cancelled);
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
  Digest digest = BuildDigest(events, options.test, target.language);
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
