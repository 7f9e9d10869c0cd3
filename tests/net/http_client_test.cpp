// HttpClient against a real server on 127.0.0.1: every promise of
// net/http_client.h that a local server can exercise.
#include "net/http_client.h"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/net/test_http_server.h"

namespace icetrack {
namespace {

using std::chrono::milliseconds;

HttpClientOptions TestOptions() {
  HttpClientOptions options;
  options.user_agent = UserAgent("0.0-test", "https://example.org/contact");
  options.connect_timeout = milliseconds(2000);
  options.total_timeout = milliseconds(5000);
  options.retry.max_attempts = 4;
  options.retry.base_delay = milliseconds(1);  // real but tiny waits
  options.retry.max_delay = milliseconds(4);
  return options;
}

// Records what the client asked to wait and every attempt it reported.
struct Recorder {
  std::vector<milliseconds> sleeps;
  std::vector<FetchAttempt> attempts;

  void Attach(HttpClientOptions* options, bool really_sleep) {
    options->sleep = [this, really_sleep](milliseconds d) {
      sleeps.push_back(d);
      if (really_sleep) std::this_thread::sleep_for(d);
    };
    options->on_attempt = [this](const FetchAttempt& a) { attempts.push_back(a); };
  }
};

RetryBudget Plenty() { return RetryBudget(milliseconds(60000)); }

Status Get(const HttpClient& client, const std::string& url, HttpResponse* response) {
  HttpRequest request;
  request.url = url;
  return client.Fetch(request, Plenty(), response);
}

TEST_CASE("200: body, headers, final URL and our User-Agent") {
  test::TestHttpServer server;
  std::mutex mutex;  // the handler runs on a server thread
  std::string seen_agent;
  server.server().Get("/list.xlsx", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    seen_agent = req.get_header_value("User-Agent");
    res.set_header("ETag", "\"v1\"");
    res.set_header("Last-Modified", "Mon, 17 Mar 2025 19:00:00 GMT");
    res.set_header("Content-Disposition", "attachment; filename=\"list.xlsx\"");
    res.set_content(std::string("PK\x03\x04 workbook", 13), "application/vnd.ms-excel");
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpResponse response;
  Status s = Get(client, server.Url("/list.xlsx"), &response);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(response.status == 200);
  CHECK(response.body == std::string("PK\x03\x04 workbook", 13));
  CHECK(response.final_url == server.Url("/list.xlsx"));
  CHECK(response.etag() == "\"v1\"");
  CHECK(response.last_modified() == "Mon, 17 Mar 2025 19:00:00 GMT");
  CHECK(response.content_type() == "application/vnd.ms-excel");
  CHECK(response.filename() == "list.xlsx");
  CHECK(response.headers.Get("etag") == "\"v1\"");  // case-insensitive
  std::lock_guard<std::mutex> lock(mutex);
  CHECK(seen_agent == "icetrack/0.0-test (+https://example.org/contact)");
}

TEST_CASE("304 when the stored ETag or Last-Modified still holds") {
  test::TestHttpServer server;
  server.server().Get("/page", [](const httplib::Request& req, httplib::Response& res) {
    bool same = req.get_header_value("If-None-Match") == "\"abc\"" &&
                req.get_header_value("If-Modified-Since") == "Mon, 17 Mar 2025 19:00:00 GMT";
    if (same) {
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"abc\"");
    res.set_content("<html></html>", "text/html");
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpRequest request;
  request.url = server.Url("/page");
  HttpResponse first;
  REQUIRE(client.Fetch(request, Plenty(), &first).ok());
  CHECK(first.status == 200);
  request.if_none_match = first.etag();
  request.if_modified_since = "Mon, 17 Mar 2025 19:00:00 GMT";
  HttpResponse second;
  Status s = client.Fetch(request, Plenty(), &second);
  CHECK_MESSAGE(s.ok(), s.message());
  CHECK(second.status == 304);
  CHECK(second.not_modified());
  CHECK(second.body.empty());
}

TEST_CASE("503 and 500 are retried with backoff until the server recovers") {
  test::TestHttpServer server;
  std::atomic<int> calls{0};
  server.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    int n = ++calls;
    if (n == 1) res.status = 503;
    else if (n == 2) res.status = 500;
    else res.set_content("ok", "text/plain");
  });
  REQUIRE(server.Start());
  HttpClientOptions options = TestOptions();
  Recorder recorder;
  recorder.Attach(&options, /*really_sleep=*/true);
  HttpClient client(options);
  HttpResponse response;
  Status s = Get(client, server.Url("/flaky"), &response);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(response.body == "ok");
  REQUIRE(recorder.attempts.size() == 3);
  CHECK(recorder.attempts[0].status == 503);
  CHECK(recorder.attempts[0].will_retry);
  CHECK(recorder.attempts[1].status == 500);
  CHECK(recorder.attempts[2].status == 200);
  CHECK_FALSE(recorder.attempts[2].will_retry);
  CHECK(recorder.attempts[2].attempt == 3);
  REQUIRE(recorder.sleeps.size() == 2);
  // Backoff with jitter: within [half, full] of 1 ms, then of 2 ms.
  CHECK(recorder.sleeps[0] <= milliseconds(1));
  CHECK(recorder.sleeps[1] >= milliseconds(1));
  CHECK(recorder.sleeps[1] <= milliseconds(2));
}

TEST_CASE("a server that stays down fails after the attempt limit, naming URL and count") {
  test::TestHttpServer server;
  std::atomic<int> calls{0};
  server.server().Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 503;
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpResponse response;
  Status s = Get(client, server.Url("/down"), &response);
  CHECK_FALSE(s.ok());
  CHECK(s.message() == server.Url("/down") + ": HTTP 503 after 4 attempts");
  CHECK(calls == 4);
  CHECK(response.status == 503);
}

TEST_CASE("429 with Retry-After: the client waits what the server asked") {
  test::TestHttpServer server;
  std::atomic<int> calls{0};
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls == 1) {
      res.status = 429;
      res.set_header("Retry-After", "2");
      return;
    }
    res.set_content("done", "text/plain");
  });
  REQUIRE(server.Start());
  HttpClientOptions options = TestOptions();
  Recorder recorder;
  recorder.Attach(&options, /*really_sleep=*/false);  // 2 s would be slow; the value is the point
  HttpClient client(options);
  HttpResponse response;
  Status s = Get(client, server.Url("/busy"), &response);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(recorder.sleeps.size() == 1);
  CHECK(recorder.sleeps[0] == milliseconds(2000));
  REQUIRE(recorder.attempts.size() == 2);
  CHECK(recorder.attempts[0].status == 429);
  CHECK(recorder.attempts[0].delay == milliseconds(2000));
}

TEST_CASE("a Retry-After beyond the remaining budget ends the call at once") {
  test::TestHttpServer server;
  std::atomic<int> calls{0};
  server.server().Get("/later", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 503;
    res.set_header("Retry-After", "3600");
  });
  REQUIRE(server.Start());
  HttpClientOptions options = TestOptions();
  Recorder recorder;
  recorder.Attach(&options, false);
  HttpClient client(options);
  HttpRequest request;
  request.url = server.Url("/later");
  HttpResponse response;
  RetryBudget budget(milliseconds(10000));
  Status s = client.Fetch(request, budget, &response);
  CHECK_FALSE(s.ok());
  CHECK(s.message() == request.url +
                           ": HTTP 503 after 1 attempt (Retry-After 3600 s exceeds the retry budget)");
  CHECK(calls == 1);
  CHECK(recorder.sleeps.empty());
}

TEST_CASE("one budget shared by a cycle: once spent, no request of the cycle retries") {
  test::TestHttpServer server;
  std::atomic<int> calls{0};
  server.server().Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 502;
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  RetryBudget spent(milliseconds(0));
  HttpRequest request;
  request.url = server.Url("/down");
  for (int i = 0; i < 2; ++i) {
    HttpResponse response;
    Status s = client.Fetch(request, spent, &response);
    CHECK(s.message() == request.url + ": HTTP 502 after 1 attempt (retry budget exhausted)");
  }
  CHECK(calls == 2);
}

TEST_CASE("4xx is an error but is not retried") {
  test::TestHttpServer server;
  std::atomic<int> calls{0};
  server.server().Get("/gone", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 404;
    res.set_content("not here", "text/plain");
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpResponse response;
  Status s = Get(client, server.Url("/gone"), &response);
  CHECK(s.message() == server.Url("/gone") + ": HTTP 404");
  CHECK(calls == 1);
  CHECK(response.status == 404);
  CHECK(response.body == "not here");
}

TEST_CASE("a response slower than the total timeout is a timeout error") {
  test::TestHttpServer server;
  server.server().Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(milliseconds(400));
    res.set_content("late", "text/plain");
  });
  REQUIRE(server.Start());
  HttpClientOptions options = TestOptions();
  options.total_timeout = milliseconds(100);
  options.retry.max_attempts = 1;
  HttpClient client(options);
  HttpResponse response;
  Status s = Get(client, server.Url("/slow"), &response);
  CHECK(s.message() == server.Url("/slow") + ": timed out after 0.1 s");
  CHECK(response.status == 0);
}

TEST_CASE("connection refused is retried, then reported with the attempt count") {
  int port = 0;
  {
    test::TestHttpServer gone;
    REQUIRE(gone.Start());
    port = gone.port();
  }  // nothing listens there any more
  HttpClientOptions options = TestOptions();
  options.retry.max_attempts = 2;
  Recorder recorder;
  recorder.Attach(&options, true);
  HttpClient client(options);
  HttpResponse response;
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/x";
  Status s = Get(client, url, &response);
  CHECK_FALSE(s.ok());
  CHECK(s.message().rfind(url + ": ", 0) == 0);
  CHECK(s.message().find("(2 attempts)") != std::string::npos);
  REQUIRE(recorder.attempts.size() == 2);
  CHECK_FALSE(recorder.attempts[0].error.empty());
  CHECK(recorder.attempts[0].status == 0);
}

TEST_CASE("redirects are followed — the headers are the final response's only") {
  test::TestHttpServer server;
  server.server().Get("/old", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Hop", "old");
    res.set_redirect("/new");
  });
  server.server().Get("/new", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("here", "text/plain");
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpResponse response;
  REQUIRE(Get(client, server.Url("/old"), &response).ok());
  CHECK(response.body == "here");
  CHECK(response.final_url == server.Url("/new"));
  CHECK_FALSE(response.headers.Has("X-Hop"));
}

TEST_CASE("a redirect loop ends with too many redirects") {
  test::TestHttpServer server;
  server.server().Get("/loop", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop");
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpResponse response;
  Status s = Get(client, server.Url("/loop"), &response);
  CHECK(s.message() == server.Url("/loop") + ": too many redirects (5)");
}

TEST_CASE("only http and https: refused up front and after a redirect") {
  HttpClient client(TestOptions());
  HttpResponse response;
  Status s = Get(client, "file:///etc/passwd", &response);
  CHECK(s.message() == "file:///etc/passwd: scheme not allowed (only http and https)");
  CHECK(response.body.empty());
  CHECK(Get(client, "ftp://example.org/x.xlsx", &response).message() ==
        "ftp://example.org/x.xlsx: scheme not allowed (only http and https)");

  test::TestHttpServer server;
  server.server().Get("/sneaky", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd");
  });
  REQUIRE(server.Start());
  s = Get(client, server.Url("/sneaky"), &response);
  CHECK(s.message() == server.Url("/sneaky") + ": scheme not allowed (only http and https)");
  CHECK(response.body.find("root:") == std::string::npos);
}

TEST_CASE("a body over the cap aborts the transfer, with or without Content-Length") {
  test::TestHttpServer server;
  server.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(4096, 'x'), "application/octet-stream");
  });
  server.server().Get("/big-chunked", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream",
                                     [](size_t offset, httplib::DataSink& sink) {
                                       if (offset >= 8192) {
                                         sink.done();
                                         return true;
                                       }
                                       std::string chunk(1024, 'y');
                                       return sink.write(chunk.data(), chunk.size());
                                     });
  });
  REQUIRE(server.Start());
  HttpClientOptions options = TestOptions();
  options.max_body_bytes = 1000;
  HttpClient client(options);
  HttpResponse response;
  CHECK(Get(client, server.Url("/big"), &response).message() ==
        server.Url("/big") + ": body over 1000 bytes");
  CHECK(Get(client, server.Url("/big-chunked"), &response).message() ==
        server.Url("/big-chunked") + ": body over 1000 bytes");
  CHECK(response.body.size() <= 1000);
  CHECK(response.status == 200);  // the status line had arrived: a receiver that took a POST is told apart
}

TEST_CASE("compressed transfer is accepted and decoded") {
  test::TestHttpServer server;
  std::string page;
  for (int i = 0; i < 500; ++i) page += "<p>As of June 5, 2025, ICE has signed agreements.</p>\n";
  server.server().Get("/page", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(page, "text/html");  // cpp-httplib compresses text when the client accepts it
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpResponse response;
  REQUIRE(Get(client, server.Url("/page"), &response).ok());
  std::string encoding = response.headers.Get("Content-Encoding");
  CHECK((encoding == "gzip" || encoding == "br" || encoding == "deflate"));
  CHECK(response.body == page);
}

TEST_CASE("POST sends the body and extra headers (webhooks)") {
  test::TestHttpServer server;
  server.server().Post("/hook", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.get_header_value("Content-Type") + "|" + req.body, "text/plain");
  });
  REQUIRE(server.Start());
  HttpClient client(TestOptions());
  HttpRequest request;
  request.url = server.Url("/hook");
  request.method = "POST";
  request.body = R"({"text":"3 agencies added"})";
  request.headers.push_back({"Content-Type", "application/json"});
  HttpResponse response;
  Status s = client.Fetch(request, Plenty(), &response);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(response.body == R"(application/json|{"text":"3 agencies added"})");
}

TEST_CASE("requests that must not reach the wire are refused") {
  HttpClientOptions anonymous = TestOptions();
  anonymous.user_agent.clear();
  HttpResponse response;
  HttpRequest request;
  request.url = "http://127.0.0.1:1/x";
  CHECK(HttpClient(anonymous).Fetch(request, Plenty(), &response).message() ==
        "http://127.0.0.1:1/x: no User-Agent configured");
  request.headers.push_back({"X-Evil", "a\r\nHost: elsewhere"});
  CHECK_FALSE(HttpClient(TestOptions()).Fetch(request, Plenty(), &response).ok());
}

}  // namespace
}  // namespace icetrack
