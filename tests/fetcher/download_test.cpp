// FetchPage and DownloadWorkbook against a real server on 127.0.0.1.
#include "fetcher/download.h"

#include <doctest/doctest.h>

#include <mutex>

#include "tests/net/test_http_server.h"

namespace icetrack {
namespace {

const std::string kWorkbook = std::string("PK\x03\x04", 4) + "rest of a zip";

HttpClient Client() {
  HttpClientOptions options;
  options.user_agent = UserAgent("0.0-test", "https://example.org/contact");
  options.retry.max_attempts = 1;
  return HttpClient(options);
}

RetryBudget Budget() { return RetryBudget(std::chrono::milliseconds(5000)); }

TEST_CASE("a workbook: its bytes, validators and the file name of its URL") {
  test::TestHttpServer server;
  server.server().Get("/doclib/participatingAgencies03172025pm.xlsx", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("ETag", "\"abc\"");
    res.set_header("Last-Modified", "Mon, 17 Mar 2025 19:00:00 GMT");
    res.set_content(kWorkbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
  REQUIRE(server.Start());
  Download d;
  std::string url = server.Url("/doclib/participatingAgencies03172025pm.xlsx");
  Status s = DownloadWorkbook(Client(), Budget(), url, {}, &d);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(d.url == url);
  CHECK(d.final_url == url);
  CHECK(d.status == 200);
  CHECK_FALSE(d.not_modified);
  CHECK(d.body == kWorkbook);
  CHECK(d.etag == "\"abc\"");
  CHECK(d.last_modified == "Mon, 17 Mar 2025 19:00:00 GMT");
  CHECK(d.file_name == "participatingAgencies03172025pm.xlsx");
}

TEST_CASE("the file name: Content-Disposition first, else the URL the body came from") {
  test::TestHttpServer server;
  server.server().Get("/file-download/download/public/209067", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Disposition", "attachment; filename=\"287gParticipatingAgencies091526pm.xlsx\"");
    res.set_content(kWorkbook, "application/octet-stream");
  });
  server.server().Get("/file-download/download/public/1", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/sites/default/files/Pending%20Agencies.xlsx");
  });
  server.server().Get("/sites/default/files/Pending.*", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kWorkbook, "application/octet-stream");
  });
  REQUIRE(server.Start());
  Download d;
  REQUIRE(DownloadWorkbook(Client(), Budget(), server.Url("/file-download/download/public/209067"), {}, &d).ok());
  CHECK(d.file_name == "287gParticipatingAgencies091526pm.xlsx");
  REQUIRE(DownloadWorkbook(Client(), Budget(), server.Url("/file-download/download/public/1"), {}, &d).ok());
  CHECK(d.final_url == server.Url("/sites/default/files/Pending%20Agencies.xlsx"));
  CHECK(d.file_name == "Pending Agencies.xlsx");
}

TEST_CASE("a body that is not a workbook is an error, and its bytes are dropped") {
  test::TestHttpServer server;
  server.server().Get("/blocked.xlsx", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("\n  <!DOCTYPE html><html><body>Access Denied</body></html>", "text/html");
  });
  server.server().Get("/empty.xlsx", [](const httplib::Request&, httplib::Response& res) { res.status = 200; });
  server.server().Get("/binary.xlsx", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string("\xd0\xcf\x11\xe0 an old .xls", 15), "application/vnd.ms-excel");
  });
  REQUIRE(server.Start());
  Download d;
  Status s = DownloadWorkbook(Client(), Budget(), server.Url("/blocked.xlsx"), {}, &d);
  CHECK(s.message() == server.Url("/blocked.xlsx") + ": not a workbook: HTTP 200 sent an HTML page (text/html)");
  CHECK(d.not_a_workbook);
  CHECK(d.status == 200);
  CHECK(d.body.empty());
  s = DownloadWorkbook(Client(), Budget(), server.Url("/empty.xlsx"), {}, &d);
  CHECK(s.message().find(": not a workbook: HTTP 200 sent an empty body") != std::string::npos);
  s = DownloadWorkbook(Client(), Budget(), server.Url("/binary.xlsx"), {}, &d);
  CHECK(s.message() == server.Url("/binary.xlsx") +
                           ": not a workbook: HTTP 200 sent no zip signature (application/vnd.ms-excel)");
  // The page itself is HTML, of course.
  REQUIRE(FetchPage(Client(), Budget(), server.Url("/blocked.xlsx"), {}, &d).ok());
  CHECK(d.body.find("Access Denied") != std::string::npos);
  CHECK_FALSE(d.not_a_workbook);
}

TEST_CASE("validators make the request conditional — a 304 has no body") {
  test::TestHttpServer server;
  std::mutex mutex;
  std::string if_none_match, if_modified_since;
  server.server().Get("/p.xlsx", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    if_none_match = req.get_header_value("If-None-Match");
    if_modified_since = req.get_header_value("If-Modified-Since");
    res.set_header("ETag", "\"abc\"");
    res.status = 304;
  });
  REQUIRE(server.Start());
  Download d;
  Validators v{"\"abc\"", "Mon, 17 Mar 2025 19:00:00 GMT"};
  Status s = DownloadWorkbook(Client(), Budget(), server.Url("/p.xlsx"), v, &d);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(d.not_modified);
  CHECK(d.status == 304);
  CHECK(d.body.empty());
  CHECK(d.etag == "\"abc\"");
  CHECK_FALSE(d.not_a_workbook);
  std::lock_guard<std::mutex> lock(mutex);
  CHECK(if_none_match == "\"abc\"");
  CHECK(if_modified_since == "Mon, 17 Mar 2025 19:00:00 GMT");
}

TEST_CASE("HTTP errors come back with the status for the fetch log") {
  test::TestHttpServer server;
  server.server().Get("/gone.xlsx", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  server.server().Get("/moved.xlsx", [](const httplib::Request&, httplib::Response& res) { res.status = 302; });
  REQUIRE(server.Start());
  Download d;
  Status s = DownloadWorkbook(Client(), Budget(), server.Url("/gone.xlsx"), {}, &d);
  CHECK(s.message() == server.Url("/gone.xlsx") + ": HTTP 404");
  CHECK(d.status == 404);
  CHECK(d.body.empty());
  s = FetchPage(Client(), Budget(), server.Url("/moved.xlsx"), {}, &d);
  CHECK(s.message() == server.Url("/moved.xlsx") + ": HTTP 302 without a usable redirect");
}

TEST_CASE("SafeFileName: never a directory, a control character or a name too long to write") {
  CHECK(SafeFileName("https://www.ice.gov/doclib/287gMOA/Polk_TFM.pdf", "document.pdf") == "Polk_TFM.pdf");
  CHECK(SafeFileName("https://www.ice.gov/doclib/", "document.pdf") == "document.pdf");
  CHECK(SafeFileName("https://www.ice.gov/doclib/..", "document.pdf") == "document.pdf");
  CHECK(SafeFileName("https://www.ice.gov/a%0Ab%09c.pdf", "x") == "a_b_c.pdf");
  std::string name = SafeFileName("https://www.ice.gov/" + std::string(300, 'x') + "%C3%A9.pdf", "x");
  CHECK(name.size() == kMaxSafeName);
  CHECK(name.substr(name.size() - 4) == ".pdf");
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "%C3%A9";
  std::string cut = SafeFileName("https://www.ice.gov/" + accents, "x");
  CHECK(cut.size() <= kMaxSafeName);
  CHECK(cut.size() % 2 == 0);  // no "é" cut in half
}

TEST_CASE("UrlFileName: the last segment, percent-decoded, never a directory") {
  CHECK(UrlFileName("https://www.ice.gov/doclib/287g/participatingAgencies.xlsx?x=1#y") == "participatingAgencies.xlsx");
  CHECK(UrlFileName("https://www.ice.gov/doclib/Pending%20Agencies.xlsx") == "Pending Agencies.xlsx");
  CHECK(UrlFileName("https://www.ice.gov/doclib/..%2F..%2Fetc%2Fpasswd") == "passwd");
  CHECK(UrlFileName("https://www.ice.gov/doclib/") == "");
  CHECK(UrlFileName("https://www.ice.gov/doclib/100%") == "100%");
}

}  // namespace
}  // namespace icetrack
