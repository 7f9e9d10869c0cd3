// HttpClient: the one HTTP client of icetrack (libcurl underneath).
//
// Promises: TLS peers are verified; only http and https are spoken, also
// after a redirect; redirects are followed up to max_redirects; every attempt
// is bounded by connect_timeout and total_timeout; a body larger than
// max_body_bytes (after decompression) aborts the transfer; gzip, deflate and
// brotli are accepted; the proxy environment (https_proxy, no_proxy, ...) is
// honoured as libcurl reads it. Network errors, 5xx and 429 are retried with
// exponential backoff and jitter, or after the server's Retry-After, within
// RetryPolicy::max_attempts and the caller's RetryBudget. Never throws; every
// failure is a Status naming the URL, e.g.
//   "https://www.ice.gov/x.xlsx: HTTP 503 after 4 attempts".
// Never retries anything else (4xx, TLS failures, too many redirects, body
// over the cap). A retried POST may reach the server more than once: callers
// for whom that matters set max_attempts to 1. Each call has its own curl
// handle, so Fetch may run on several threads at once (the callbacks in the
// options must then be thread-safe); connections are not kept between calls.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "model/status.h"
#include "net/http_request.h"
#include "net/http_response.h"
#include "net/retry_budget.h"
#include "net/retry_policy.h"

namespace icetrack {

// One attempt, as reported to HttpClientOptions::on_attempt.
struct FetchAttempt {
  std::string url;                       // as requested
  int attempt = 0;                       // 1-based
  long status = 0;                       // HTTP status; 0 when no response arrived
  std::string error;                     // what went wrong on the network; "" when a response came
  bool will_retry = false;               // another attempt follows
  std::chrono::milliseconds delay{0};    // the wait before it (0 when none follows)
};

struct HttpClientOptions {
  std::string user_agent;                       // required; see UserAgent()
  std::chrono::milliseconds connect_timeout{15000};
  std::chrono::milliseconds total_timeout{120000};  // whole transfer of one attempt
  int max_redirects = 5;
  // false: a 3xx comes back as the response (Fetch returns OK, as for any
  // status below 400) — for a POST that must not turn into a GET elsewhere.
  bool follow_redirects = true;
  std::int64_t max_body_bytes = std::int64_t{64} << 20;
  RetryPolicy retry;
  // How to wait between attempts; tests pass one that records the delay.
  std::function<void(std::chrono::milliseconds)> sleep;  // default: std::this_thread::sleep_for
  // Called after every attempt, retried or final (for logs and fetch records).
  std::function<void(const FetchAttempt&)> on_attempt;
  // True once the caller must stop (a daemon told to): the transfer under way
  // aborts within about a second and nothing is retried. Called often, from
  // the calling thread; it must be cheap.
  std::function<bool()> cancelled;
};

// "icetrack/0.1.0 (+https://example.org/contact)": who we are and how to reach us.
std::string UserAgent(std::string_view version, std::string_view contact);

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options);

  // Performs `request`, retrying as described above; `budget` bounds the
  // waits (the first attempt is always made; a retry only when its delay fits
  // in what remains). Returns OK when the final response has a status in
  // [200, 400) (304 included). On error, `*response` still holds whatever the
  // last attempt received: its status when a status line arrived before the
  // failure (a body over the cap, a transfer cut short), 0 when none did. `*response` is
  // owned by the caller and overwritten.
  Status Fetch(const HttpRequest& request, const RetryBudget& budget,
               HttpResponse* response) const;

  const HttpClientOptions& options() const { return options_; }

 private:
  HttpClientOptions options_;
};

}  // namespace icetrack
