#include "fetcher/url_resolve.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

const char* const kBase = "http://a/b/c/d;p?q";

TEST_CASE("RFC 3986 5.4.1: normal examples") {
  const char* cases[][2] = {
      {"g:h", "g:h"},          {"g", "http://a/b/c/g"},       {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"},          {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"}, {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},   {"./", "http://a/b/c/"},       {"..", "http://a/b/"},
      {"../", "http://a/b/"},   {"../g", "http://a/b/g"},      {"../..", "http://a/"},
      {"../../", "http://a/"},  {"../../g", "http://a/g"},
  };
  for (const auto& c : cases) {
    CAPTURE(c[0]);
    CHECK(ResolveUrl(kBase, c[0]) == c[1]);
  }
}

TEST_CASE("RFC 3986 5.4.2: abnormal examples") {
  const char* cases[][2] = {
      {"../../../g", "http://a/g"},   {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},         {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},    {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},     {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},  {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // strict parser
  };
  for (const auto& c : cases) {
    CAPTURE(c[0]);
    CHECK(ResolveUrl(kBase, c[0]) == c[1]);
  }
}

TEST_CASE("ICE's links against the page URL") {
  const char* page = "https://www.ice.gov/identify-and-arrest/287g";
  CHECK(ResolveUrl(page, "/doclib/about/offices/ero/287g/participatingAgencies.xlsx") ==
        "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx");
  CHECK(ResolveUrl(page, "files/x.xlsx") == "https://www.ice.gov/identify-and-arrest/files/x.xlsx");
  CHECK(ResolveUrl(page, "../doclib/x.xlsx?v=2") == "https://www.ice.gov/doclib/x.xlsx?v=2");
  CHECK(ResolveUrl("https://www.ice.gov", "x.xlsx") == "https://www.ice.gov/x.xlsx");  // empty base path
  CHECK(ResolveUrl(page, "//www.ice.gov/file-download/download/public/209067") ==
        "https://www.ice.gov/file-download/download/public/209067");
  CHECK(ResolveUrl("/relative/base", "x.xlsx").empty());  // no scheme: nothing to resolve against
}

TEST_CASE("SplitUrl keeps absent and empty components apart") {
  UrlParts parts = SplitUrl("https://www.ice.gov/a/b.xlsx?#");
  CHECK(parts.scheme == "https");
  CHECK(parts.authority == "www.ice.gov");
  CHECK(parts.path == "/a/b.xlsx");
  CHECK(parts.query == "");
  CHECK(parts.fragment == "");
  CHECK(JoinUrl(parts) == "https://www.ice.gov/a/b.xlsx?#");
  UrlParts relative = SplitUrl("a:b/c:d");  // "a:" is a scheme; "1a:" would not be
  CHECK(relative.scheme == "a");
  CHECK_FALSE(SplitUrl("1a:b").scheme.has_value());
  CHECK_FALSE(SplitUrl("x/y:z").scheme.has_value());
}

TEST_CASE("RemoveDotSegments, 5.2.4's own examples") {
  CHECK(RemoveDotSegments("/a/b/c/./../../g") == "/a/g");
  CHECK(RemoveDotSegments("mid/content=5/../6") == "mid/6");
}

}  // namespace
}  // namespace icetrack
