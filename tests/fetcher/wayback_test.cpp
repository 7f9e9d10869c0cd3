#include "fetcher/wayback.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

const char kXlsx[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

TEST_CASE("the index's address: the URL encoded, only 200s, the fields read, runs of one digest collapsed") {
  CdxQuery q;
  q.url = "www.ice.gov/doclib/about/offices/ero/287g/";
  q.prefix = true;
  q.from = "2025";
  q.to = "20260518";
  CHECK(CdxQueryUrl("http://127.0.0.1:8080", q) ==
        "http://127.0.0.1:8080/cdx/search/cdx?url=www.ice.gov/doclib/about/offices/ero/287g/&matchType=prefix"
        "&output=json&fl=timestamp,original,mimetype,statuscode,digest,length&filter=statuscode:200&collapse=digest"
        "&from=2025&to=20260518");
  CdxQuery odd;
  odd.url = "www.ice.gov/x?a=1&b=2 c";
  CHECK(CdxQueryUrl(kWaybackUrl, odd) ==
        "https://web.archive.org/cdx/search/cdx?url=www.ice.gov/x%3Fa%3D1%26b%3D2%20c&output=json"
        "&fl=timestamp,original,mimetype,statuscode,digest,length&filter=statuscode:200&collapse=digest");
}

TEST_CASE("an index answer becomes captures, in its order, by the header's field names") {
  std::vector<ArchiveCapture> got;
  REQUIRE(ParseCdx(std::string(R"([["original","timestamp","digest","mimetype","statuscode","length"],)") +
                       R"(["https://www.ice.gov/doclib/a.xlsx","20250221214937","LW2C",")" + kXlsx + R"(","200","1"],)" +
                       R"(["https://www.ice.gov/287g","20170301000000","Q7XY","text/html","200","2"]])",
                   &got).ok());
  REQUIRE(got.size() == 2);
  CHECK(got[0].url == "https://www.ice.gov/doclib/a.xlsx");
  CHECK(got[0].timestamp == "20250221214937");
  CHECK(got[0].digest == "LW2C");
  CHECK(got[0].mimetype == kXlsx);
  CHECK(got[0].status == CaptureStatus::Found);
  CHECK(got[1].mimetype == "text/html");
  REQUIRE(ParseCdx("[]", &got).ok());
  CHECK(got.empty());
  REQUIRE(ParseCdx(R"([["timestamp","original","digest"]])", &got).ok());
  CHECK(got.empty());
}

TEST_CASE("anything but the index's shape is an error, never an empty history") {
  std::vector<ArchiveCapture> got;
  CHECK(ParseCdx("<html>Too many requests</html>", &got).message() == "the archive's index: not JSON");
  CHECK(ParseCdx("{}", &got).message() == "the archive's index: not an array of captures");
  CHECK(ParseCdx(R"([{"timestamp":1}])", &got).message() == "the archive's index: row 1 is not a header of field names");
  CHECK(ParseCdx(R"([["timestamp","digest"]])", &got).message() ==
        "the archive's index: the header lacks timestamp, original or digest");
  CHECK(ParseCdx(R"([["timestamp","original","digest"],["20250221214937","u"]])", &got).message() ==
        "the archive's index: row 2 does not match the header");
  CHECK(ParseCdx(R"([["timestamp","original","digest"],["20250221214937","u",7]])", &got).message() ==
        "the archive's index: row 2 holds a value that is not a string");
  CHECK(ParseCdx(R"([["timestamp","original","digest"],["20251341000000","u","d"]])", &got).message() ==
        "the archive's index: row 2: \"20251341000000\" is not a capture time");
  CHECK(ParseCdx(R"([["timestamp","original","digest"],["20250221214937","u",""]])", &got).message() ==
        "the archive's index: row 2: a capture needs its URL and digest");
  // Found by fuzzing: a bad row after good ones left the good ones in the answer.
  CHECK(ParseCdx(R"([["timestamp","original","digest"],["20250221214937","u","d"],["2025","u","e"]])", &got).message() ==
        "the archive's index: row 3: \"2025\" is not a capture time");
  CHECK(got.empty());
  CHECK(ParseCdx(R"([["timestamp","original","digest"],["20250221214937","https://x/a b","d"]])", &got).message() ==
        "the archive's index: row 2: a capture's URL or digest holds a space or a control character");
  CHECK(ParseCdx(R"([["timestamp","original","digest"],["2025\n\u0007xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","u","d"]])", &got)
            .message() == "the archive's index: row 2: \"2025??xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\" is not a capture time");
  CHECK(got.empty());
}

TEST_CASE("a capture's original bytes, and its time") {
  ArchiveCapture c;
  c.timestamp = "20250221214937";
  c.url = "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx";
  CHECK(CaptureUrl(kWaybackUrl, c) ==
        "https://web.archive.org/web/20250221214937id_/https://www.ice.gov/doclib/about/offices/ero/287g/"
        "participatingAgencies.xlsx");
  CHECK(CaptureTime("20250221214937") == "2025-02-21T21:49:37Z");
  CHECK(CaptureTime("20250230000000") == "");  // 30 February
  CHECK(CaptureTime("2025022121493") == "");
  CHECK(CaptureTime("2025022121493x") == "");
  CHECK(CaptureTime("-0250221214937") == "");
  UtcTime t;
  REQUIRE(ParseIsoTime("2025-02-21T21:49:37Z", &t));
  CHECK(CdxTimestamp(t) == "20250221214937");
  CHECK(CaptureTime(CdxTimestamp(t)) == "2025-02-21T21:49:37Z");
}

TEST_CASE("which captures may be workbooks, and which are pages") {
  CHECK(MayBeWorkbook(kXlsx));
  CHECK(MayBeWorkbook("application/octet-stream"));  // Drupal's downloads, as the archive often records them
  CHECK(MayBeWorkbook("unk"));
  CHECK_FALSE(MayBeWorkbook("text/html; charset=utf-8"));
  CHECK_FALSE(MayBeWorkbook("application/pdf"));
  CHECK_FALSE(MayBeWorkbook("image/png"));
  CHECK(IsPageCapture("text/html"));
  CHECK(IsPageCapture("text/html; charset=utf-8"));
  CHECK_FALSE(IsPageCapture("text/plain"));
  CHECK_FALSE(IsPageCapture(kXlsx));
}

}  // namespace
}  // namespace icetrack
