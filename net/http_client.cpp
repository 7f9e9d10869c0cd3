#include "net/http_client.h"

#include <random>
#include <sstream>
#include <thread>

#include "net/curl_handles.h"

namespace icetrack {
namespace {

using std::chrono::milliseconds;

// State the curl callbacks share during one attempt.
struct Transfer {
  HttpResponse* response;
  std::int64_t max_body;
  const std::function<bool()>* cancelled;
  bool over_cap = false;
};

// libcurl calls this about once a second, and more often while data flows.
int CheckCancelled(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return *t->cancelled && (*t->cancelled)() ? 1 : 0;  // non-zero aborts the transfer
}

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (static_cast<std::int64_t>(t->response->body.size() + n) > t->max_body) {
    t->over_cap = true;
    return 0;  // anything short of n makes libcurl abort with CURLE_WRITE_ERROR
  }
  t->response->body.append(data, n);
  return n;
}

size_t ReadHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  // A status line opens a new response (a redirect hop or 100 Continue): keep the last only.
  if (line.substr(0, 5) == "HTTP/") t->response->headers.Clear();
  t->response->headers.AddLine(line);
  return size * count;
}

// The outcome of one attempt: a network error, or a response (error empty).
struct Attempt {
  std::string error;
  bool retryable = false;
};

std::string SecondsText(milliseconds ms) {
  std::ostringstream out;
  out << static_cast<double>(ms.count()) / 1000.0 << " s";
  return out.str();
}

std::string BytesText(std::int64_t n) {
  if (n > 0 && n % (1 << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n > 0 && n % (1 << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

std::string AttemptsText(int n) { return std::to_string(n) + (n == 1 ? " attempt" : " attempts"); }

std::string SchemeOf(const std::string& url) {
  size_t colon = url.find("://");
  return colon == std::string::npos ? std::string() : url.substr(0, colon);
}

bool HasLineBreak(const std::string& s) { return s.find_first_of("\r\n") != std::string::npos; }

// Refuses what must never reach the wire: other schemes, header injection, an anonymous client.
Status CheckRequest(const HttpRequest& request, const HttpClientOptions& options) {
  const std::string& url = request.url;
  std::string scheme = SchemeOf(url);
  if (!EqualsIgnoreCase(scheme, "http") && !EqualsIgnoreCase(scheme, "https"))
    return Status::Error(url + ": scheme not allowed (only http and https)");
  if (options.user_agent.empty()) return Status::Error(url + ": no User-Agent configured");
  if (request.method.empty() || request.method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
                                    std::string::npos)
    return Status::Error(url + ": bad method \"" + request.method + "\"");
  bool injected = HasLineBreak(url) || HasLineBreak(request.if_none_match) ||
                  HasLineBreak(request.if_modified_since);
  for (const auto& [name, value] : request.headers)
    injected = injected || HasLineBreak(name) || HasLineBreak(value) || name.empty() ||
               name.find(':') != std::string::npos;
  if (injected) return Status::Error(url + ": malformed header or URL (line break or bad name)");
  return Status::Ok();
}

bool BuildHeaders(const HttpRequest& request, CurlHeaderList* list) {
  bool ok = true;
  for (const auto& [name, value] : request.headers) ok = ok && list->Append(name + ": " + value);
  if (!request.if_none_match.empty())
    ok = ok && list->Append("If-None-Match: " + request.if_none_match);
  if (!request.if_modified_since.empty())
    ok = ok && list->Append("If-Modified-Since: " + request.if_modified_since);
  return ok;
}

// Sets every option of one attempt. A refusal means this libcurl lacks
// something we rely on (CURLOPT_PROTOCOLS_STR needs 7.85), whichever option it was.
bool Configure(CURL* curl, const HttpRequest& request, const HttpClientOptions& options,
               const CurlHeaderList& headers, Transfer* transfer, char* error_buffer) {
  bool ok = true;
  auto set = [&](CURLoption option, auto value) {
    ok = ok && Curl().easy_setopt(curl, option, value) == CURLE_OK;
  };
  set(CURLOPT_URL, request.url.c_str());
  set(CURLOPT_ERRORBUFFER, error_buffer);
  set(CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM, safe in threads
  set(CURLOPT_PROTOCOLS_STR, "http,https");
  set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(CURLOPT_FOLLOWLOCATION, options.follow_redirects ? 1L : 0L);
  set(CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
  set(CURLOPT_SSL_VERIFYPEER, 1L);
  set(CURLOPT_SSL_VERIFYHOST, 2L);
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
  set(CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl can decode
  set(CURLOPT_USERAGENT, options.user_agent.c_str());
  set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
  set(CURLOPT_HTTPHEADER, headers.get());
  set(CURLOPT_WRITEFUNCTION, &WriteBody);
  set(CURLOPT_WRITEDATA, static_cast<void*>(transfer));
  set(CURLOPT_HEADERFUNCTION, &ReadHeader);
  set(CURLOPT_HEADERDATA, static_cast<void*>(transfer));
  if (options.cancelled) {
    set(CURLOPT_NOPROGRESS, 0L);
    set(CURLOPT_XFERINFOFUNCTION, &CheckCancelled);
    set(CURLOPT_XFERINFODATA, static_cast<void*>(transfer));
  }
  const std::string& method = request.method;
  if (method == "GET") {
    set(CURLOPT_HTTPGET, 1L);
  } else if (method == "HEAD") {
    set(CURLOPT_NOBODY, 1L);
  } else {
    if (method == "POST")
      set(CURLOPT_POST, 1L);
    else
      set(CURLOPT_CUSTOMREQUEST, method.c_str());
    set(CURLOPT_POSTFIELDS, request.body.c_str());
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  return ok;
}

bool IsRetryableCode(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

bool IsRetryableStatus(long status) { return status == 429 || (status >= 500 && status <= 599); }

// One line saying what a failed transfer did, in the user's terms.
std::string DescribeError(CURL* curl, CURLcode code, const Transfer& transfer,
                          const HttpClientOptions& options, const char* error_buffer) {
  switch (code) {
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      if (transfer.over_cap || code == CURLE_FILESIZE_EXCEEDED)
        return "body over " + BytesText(options.max_body_bytes);
      break;
    case CURLE_TOO_MANY_REDIRECTS:
      return "too many redirects (" + std::to_string(options.max_redirects) + ")";
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "scheme not allowed (only http and https)";
    case CURLE_ABORTED_BY_CALLBACK:
      return "stopped: icetrack was told to stop";
    case CURLE_OPERATION_TIMEDOUT: {
      curl_off_t connected = 0;
      Curl().easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connected);
      if (connected == 0) return "could not connect within " + SecondsText(options.connect_timeout);
      return "timed out after " + SecondsText(options.total_timeout);
    }
    default:
      break;
  }
  std::string text = Curl().easy_strerror(code);
  std::string detail = error_buffer;
  // The error buffer may end in a newline; messages are one line.
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == '\r')) detail.pop_back();
  if (!detail.empty() && detail != text) text += " (" + detail + ")";
  return text;
}

Attempt PerformOnce(const HttpRequest& request, const HttpClientOptions& options,
                    HttpResponse* response) {
  *response = HttpResponse();
  CurlEasy curl;
  CurlHeaderList headers;
  if (!curl.get() || !BuildHeaders(request, &headers)) return {"out of memory", false};
  Transfer transfer{response, options.max_body_bytes, &options.cancelled};
  char error_buffer[CURL_ERROR_SIZE] = {};
  if (!Configure(curl.get(), request, options, headers, &transfer, error_buffer))
    return {"libcurl refused an option (needs libcurl >= 7.85 with http and https)", false};
  CURLcode code = Curl().easy_perform(curl.get());
  char* effective = nullptr;
  if (Curl().easy_getinfo(curl.get(), CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
    response->final_url = effective;
  if (code != CURLE_OK) {
    // A status line may have arrived before the failure (a body over the cap, cut short): say so.
    response->status = 0;
    Curl().easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response->status);
    return {DescribeError(curl.get(), code, transfer, options, error_buffer), IsRetryableCode(code)};
  }
  Curl().easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response->status);
  return {"", IsRetryableStatus(response->status)};
}

std::string FailureText(const Attempt& last, const HttpResponse& response) {
  return last.error.empty() ? "HTTP " + std::to_string(response.status) : last.error;
}

Status Failure(const std::string& url, const Attempt& last, const HttpResponse& response,
               int attempts, const std::string& why_stopped) {
  std::string text = url + ": " + FailureText(last, response);
  if (attempts == 1 && why_stopped.empty()) return Status::Error(text);
  if (last.error.empty()) {
    text += " after " + AttemptsText(attempts);
    if (!why_stopped.empty()) text += " (" + why_stopped + ")";
  } else {
    text += " (" + AttemptsText(attempts) + (why_stopped.empty() ? "" : ", " + why_stopped) + ")";
  }
  return Status::Error(text);
}

// Fills in whether and after what delay `report`'s attempt is retried;
// returns why not, when a retry was due but the budget forbids it.
std::string PlanRetry(const Attempt& result, const HttpResponse& response,
                      const RetryPolicy& policy, const RetryBudget& budget, double jitter,
                      FetchAttempt* report) {
  if (!result.retryable || report->attempt >= policy.max_attempts) return {};
  std::optional<std::chrono::seconds> asked = response.retry_after();
  milliseconds delay = asked ? milliseconds(*asked) : BackoffDelay(policy, report->attempt, jitter);
  if (!budget.Allows(delay)) {
    if (asked)
      return "Retry-After " + std::to_string(asked->count()) + " s exceeds the retry budget";
    return "retry budget exhausted";
  }
  report->will_retry = true;
  report->delay = delay;
  return {};
}

}  // namespace

std::string UserAgent(std::string_view version, std::string_view contact) {
  return "icetrack/" + std::string(version) + " (+" + std::string(contact) + ")";
}

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
  if (!options_.sleep)
    options_.sleep = [](milliseconds delay) { std::this_thread::sleep_for(delay); };
}

Status HttpClient::Fetch(const HttpRequest& request, const RetryBudget& budget,
                         HttpResponse* response) const {
  *response = HttpResponse();
  Status status = CheckRequest(request, options_);
  if (!status.ok()) return status;
  status = CurlGlobalInit();
  if (!status.ok()) return Status::Error(request.url + ": " + status.message());
  std::mt19937_64 random(std::random_device{}());
  std::uniform_real_distribution<double> jitter(0.0, 1.0);
  for (int attempt = 1;; ++attempt) {
    Attempt result = PerformOnce(request, options_, response);
    FetchAttempt report{request.url, attempt, response->status, result.error, false,
                        milliseconds(0)};
    std::string why_stopped =
        PlanRetry(result, *response, options_.retry, budget, jitter(random), &report);
    if (report.will_retry && options_.cancelled && options_.cancelled()) {
      report.will_retry = false;
      why_stopped = "icetrack was told to stop";
    }
    if (options_.on_attempt) options_.on_attempt(report);
    if (report.will_retry) {
      options_.sleep(report.delay);
      if (options_.cancelled && options_.cancelled())
        return Failure(request.url, {"stopped: icetrack was told to stop", false}, *response, attempt, "");
      continue;
    }
    if (result.error.empty() && response->status >= 200 && response->status < 400)
      return Status::Ok();
    return Failure(request.url, result, *response, attempt, why_stopped);
  }
}

}  // namespace icetrack
