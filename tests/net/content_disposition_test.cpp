#include "net/content_disposition.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("the quoted filename of a Drupal download") {
  CHECK(ContentDispositionFilename(
            "attachment; filename=\"287gParticipatingAgencies091526pm.xlsx\"") ==
        "287gParticipatingAgencies091526pm.xlsx");
  CHECK(ContentDispositionFilename("attachment;filename=\"x.xlsx\"") == "x.xlsx");
  CHECK(ContentDispositionFilename("Attachment; FileName=\"x.xlsx\"; size=123") == "x.xlsx");
}

TEST_CASE("unquoted, escaped and semicolon-bearing names") {
  CHECK(ContentDispositionFilename("attachment; filename=list.xlsx") == "list.xlsx");
  CHECK(ContentDispositionFilename("attachment; filename=list.xlsx; size=10") == "list.xlsx");
  CHECK(ContentDispositionFilename(R"(attachment; filename="a \"b\".xlsx")") == "a \"b\".xlsx");
  CHECK(ContentDispositionFilename("attachment; filename=\"a;b.xlsx\"") == "a;b.xlsx");
  CHECK(ContentDispositionFilename("filename=\"bare.xlsx\"") == "bare.xlsx");
}

TEST_CASE("RFC 5987 filename* wins over filename and is percent-decoded") {
  CHECK(ContentDispositionFilename("attachment; filename*=UTF-8''x.xlsx") == "x.xlsx");
  CHECK(ContentDispositionFilename(
            "attachment; filename=\"fallback.xlsx\"; filename*=UTF-8''Pending%20Agencies.xlsx") ==
        "Pending Agencies.xlsx");
  CHECK(ContentDispositionFilename("attachment; filename*=utf-8'en'caf%C3%A9.xlsx") ==
        "caf\xC3\xA9.xlsx");
  CHECK(ContentDispositionFilename("attachment; filename*=ISO-8859-1''caf%E9.xlsx") ==
        "caf\xC3\xA9.xlsx");
  // A malformed ext-value falls back to the plain name.
  CHECK(ContentDispositionFilename("attachment; filename*=broken; filename=\"ok.xlsx\"") ==
        "ok.xlsx");
}

TEST_CASE("directory parts are dropped — nothing usable gives empty") {
  CHECK(ContentDispositionFilename("attachment; filename=\"../../etc/passwd\"") == "passwd");
  CHECK(ContentDispositionFilename("attachment; filename=C:\\temp\\x.xlsx") == "x.xlsx");
  CHECK(ContentDispositionFilename("attachment; filename=\"..\"").empty());
  CHECK(ContentDispositionFilename("attachment").empty());
  CHECK(ContentDispositionFilename("").empty());
  CHECK(ContentDispositionFilename("inline; name=\"x\"").empty());
}

TEST_CASE("found by fuzzing: every name is valid UTF-8 without control bytes") {
  // A charset RFC 5987 does not know, or UTF-8 that is not, is no name: the plain one is used.
  CHECK(ContentDispositionFilename("attachment; filename*=ISO-4429-1''caf%E9.xlsx; filename=\"x.xlsx\"") ==
        "x.xlsx");
  CHECK(ContentDispositionFilename("attachment; filename*=UTF-8''caf%E9.xlsx; filename=\"x.xlsx\"") == "x.xlsx");
  // A plain name in raw bytes is read as ISO-8859-1 (HTTP's obs-text).
  CHECK(ContentDispositionFilename("attachment; filename=\"caf\xE9.xlsx\"") == "caf\xC3\xA9.xlsx");
  CHECK(ContentDispositionFilename("attachment; filename*=UTF-8''a%00b.xlsx").empty());
  CHECK(ContentDispositionFilename("attachment; filename*=UTF-8''a%0Ab.xlsx").empty());
}

}  // namespace
}  // namespace icetrack
