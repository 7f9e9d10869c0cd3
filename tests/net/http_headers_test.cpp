#include "net/http_headers.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("raw lines become fields — status and blank lines do not") {
  HttpHeaders headers;
  CHECK_FALSE(headers.AddLine("HTTP/1.1 200 OK\r\n"));
  CHECK(headers.AddLine("Content-Type:  text/html; charset=UTF-8 \r\n"));
  CHECK(headers.AddLine("ETag: \"5f3a\"\r\n"));
  CHECK_FALSE(headers.AddLine("\r\n"));
  REQUIRE(headers.fields().size() == 2);
  CHECK(headers.Get("content-type") == "text/html; charset=UTF-8");
  CHECK(headers.Get("ETAG") == "\"5f3a\"");
  CHECK(headers.Has("Etag"));
  CHECK_FALSE(headers.Has("Last-Modified"));
  CHECK(headers.Get("Last-Modified").empty());
}

TEST_CASE("a repeated field answers with its last value") {
  HttpHeaders headers;
  headers.Add("Set-Cookie", "a=1");
  headers.Add("set-cookie", "b=2");
  CHECK(headers.Get("Set-Cookie") == "b=2");
  headers.Clear();
  CHECK(headers.fields().empty());
}

TEST_CASE("EqualsIgnoreCase compares ASCII letters only") {
  CHECK(EqualsIgnoreCase("HTTPS", "https"));
  CHECK_FALSE(EqualsIgnoreCase("http", "https"));
  CHECK(EqualsIgnoreCase("", ""));
}

}  // namespace
}  // namespace icetrack
