#include <doctest/doctest.h>

#include "app/time_option.h"

namespace icetrack {
namespace {

UtcTime At(const char* iso) {
  UtcTime t;
  REQUIRE(ParseIsoTime(iso, &t));
  return t;
}

// The option read at a fixed now: 2026-03-15T10:30:00Z.
std::string Read(const std::string& text, TimeEdge edge = TimeEdge::Start) {
  UtcTime out;
  Status s = ParseTimeOption("--since", text, At("2026-03-15T10:30:00Z"), edge, &out);
  return s.ok() ? FormatIsoTime(out) : "error: " + s.message();
}

TEST_CASE("a date is a whole day: its first instant, or the first one after it") {
  CHECK(Read("2025-06-01") == "2025-06-01T00:00:00Z");
  CHECK(Read("2025-06-01", TimeEdge::End) == "2025-06-02T00:00:00Z");
  CHECK(Read("2024-02-29", TimeEdge::End) == "2024-03-01T00:00:00Z");
}

TEST_CASE("times with a zone are instants") {
  CHECK(Read("2026-03-01T12:00:00Z") == "2026-03-01T12:00:00Z");
  CHECK(Read("2026-03-01T08:00-04:00") == "2026-03-01T12:00:00Z");
  CHECK(Read("2026-03-01T12:00:00Z", TimeEdge::End) == "2026-03-01T12:00:01Z");  // up to and including it
}

TEST_CASE("relative forms count back from now") {
  CHECK(Read("today") == "2026-03-15T00:00:00Z");
  CHECK(Read("today", TimeEdge::End) == "2026-03-16T00:00:00Z");
  CHECK(Read("yesterday") == "2026-03-14T00:00:00Z");
  CHECK(Read("Yesterday", TimeEdge::End) == "2026-03-15T00:00:00Z");
  CHECK(Read("7d") == "2026-03-08T10:30:00Z");
  CHECK(Read("2w") == "2026-03-01T10:30:00Z");
  CHECK(Read("3m") == "2025-12-15T10:30:00Z");
  CHECK(Read("1y") == "2025-03-15T10:30:00Z");
  CHECK(Read("now") == "2026-03-15T10:30:00Z");
  UtcTime out;
  REQUIRE(ParseTimeOption("--at", "1m", At("2026-03-31T00:00:00Z"), TimeEdge::Start, &out).ok());
  CHECK(FormatIsoTime(out) == "2026-02-28T00:00:00Z");  // no 31 February: its last day
}

TEST_CASE("anything else is an error that names the option and the value") {
  CHECK(Read("2025-6-1") == "error: --since: \"2025-6-1\" is not a date or a time; write YYYY-MM-DD, an ISO-8601 "
                            "time with its zone (2026-03-01T12:00:00Z), today, yesterday, now, or a span ago (7d, "
                            "2w, 3m, 1y)");
  CHECK(Read("2025-13-45") == "error: --since: \"2025-13-45\" is not a real date");
  CHECK(Read("2025-02-30") == "error: --since: \"2025-02-30\" is not a real date");
  CHECK(Read("2026-03-01T12:00") == "error: --since: \"2026-03-01T12:00\" has no time zone; add Z for UTC, or an "
                                    "offset (-04:00)");
  CHECK(Read("").rfind("error: --since: the value is empty; write YYYY-MM-DD", 0) == 0);
  for (const char* bad : {"yesterdya", "05/01/2026", "7x", "d", "-3d", "2026", "2026-03-01T25:00:00Z", "\xff\xfe",
                          "2026-03-01T08:00:00-23:00", "2026-03-01T08:00:00+5", "2026-03-01T12:00:00Z ",
                          "2026-03-01T12:00.5Z", "2025- 2-30"})
    CHECK_MESSAGE(Read(bad).rfind("error: --since: \"", 0) == 0, bad);
  // A fraction is no zone: a time with none is refused, however written.
  CHECK(Read("2026-03-02T13:00:00.0").find("has no time zone") != std::string::npos);
  CHECK(Read("2026-03-02T13:00:00.5Z") == "2026-03-02T13:00:00Z");
  CHECK(Read("2026-03-01T08:00:00-23:00").find("has no time zone") == std::string::npos);  // it has one, out of range
}

}  // namespace
}  // namespace icetrack
