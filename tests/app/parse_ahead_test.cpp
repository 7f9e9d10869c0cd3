// ParseAhead: workbooks read on a second thread come back in order, each as
// reading it on the caller's thread gives it, on real workbooks written here.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <new>
#include <set>

#include "app/parse_ahead.h"
#include "store/store.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

// Publications 0..count-1 of a growing list, then a page instead of a
// workbook, one whose sheet is cut, and a path that does not exist.
std::vector<std::string> WriteBooks(const test::TempDir& dir, int count) {
  std::vector<std::string> paths;
  for (int i = 0; i < count; ++i) {
    paths.push_back(dir.File("book" + std::to_string(i) + ".xlsx"));
    test::WriteIceWorkbook(paths.back(), test::GrowingListPublication(i, 30));
  }
  paths.push_back(dir.File("page.xlsx"));
  test::WriteFile(paths.back(), "<html><body>Access denied</body></html>");
  paths.push_back(dir.File("cut.xlsx"));
  std::string sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row";
  test::ReplacePart(paths[0], paths.back(), "xl/worksheets/sheet1.xml", &sheet);
  paths.push_back(dir.File("missing.xlsx"));
  return paths;
}

// What reading `path` on this thread gives.
ReadWorkbook ReadHere(const std::string& path) {
  ReadWorkbook out;
  out.path = path;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return out.status = Status::Error("missing"), out;
  out.bytes = test::ReadFile(path);
  out.sha256 = Sha256Hex(out.bytes);
  out.status = ParseWorkbook(out.bytes, path, ZipLimits(), &out.roster);
  out.parsed = out.status.ok();
  return out;
}

// An import's reader over `paths`, as `icetrack import` makes it.
struct Files {
  std::vector<std::string> paths;
  std::set<std::string> stored;
  ParseAhead ahead;
  Files(std::vector<std::string> p, std::set<std::string> s = {})
      : paths(std::move(p)), stored(std::move(s)), ahead(paths, [this](size_t i) {
          return ReadWorkbookFile(paths[i], stored, ZipLimits());
        }) {}
};

std::vector<std::string> Keys(const PackedRoster& roster) {
  std::vector<std::string> keys;
  for (const PackedRow& packed : roster.rows) {
    RosterRow row = packed.Unpack();
    keys.push_back(row.key + "|" + row.agency + "|" + row.signed_date);
  }
  return keys;
}

TEST_CASE("workbooks come back in order, each as reading it on this thread gives it") {
  test::TempDir dir;
  std::vector<std::string> paths = WriteBooks(dir, 6);
  std::vector<ReadWorkbook> expected;  // read first: nothing else runs beside the reader
  for (const std::string& path : paths) expected.push_back(ReadHere(path));
  Files files(paths);
  ReadWorkbook read;
  for (size_t i = 0; i < paths.size(); ++i) {
    REQUIRE(files.ahead.Next(&read));
    const std::string& path = paths[i];
    const ReadWorkbook& here = expected[i];
    CAPTURE(path);
    CHECK(read.path == path);
    CHECK(read.status.ok() == here.status.ok());
    CHECK(read.parsed == here.parsed);
    if (path.ends_with("missing.xlsx")) {
      CHECK(read.status.message().find(path) != std::string::npos);
      continue;
    }
    CHECK(read.bytes == here.bytes);
    CHECK(read.sha256 == here.sha256);
    if (!here.status.ok()) CHECK(read.status.message() == here.status.message());
    CHECK(read.roster.published_at == here.roster.published_at);
    CHECK(Keys(read.roster.roster) == Keys(here.roster.roster));
    CHECK(read.roster.roster.warnings.size() == here.roster.roster.warnings.size());
  }
  CHECK(read.path == paths.back());
  CHECK_FALSE(files.ahead.Next(&read));
  CHECK_FALSE(files.ahead.Next(&read));
}

TEST_CASE("a stored workbook is read and hashed but not parsed") {
  test::TempDir dir;
  std::vector<std::string> paths = WriteBooks(dir, 3);
  std::string stored = Sha256Hex(test::ReadFile(paths[1]));
  Files files({paths[0], paths[1], paths[2]}, {stored});
  ReadWorkbook read;
  std::vector<bool> parsed;
  while (files.ahead.Next(&read)) {
    CHECK(read.status.ok());
    parsed.push_back(read.parsed);
    if (!read.parsed) {
      CHECK(read.sha256 == stored);
      CHECK(read.roster.roster.rows.empty());
    }
  }
  CHECK(parsed == std::vector<bool>{true, false, true});
}

TEST_CASE("one workbook alone, and none, are handed out as well") {
  test::TempDir dir;
  std::vector<std::string> paths = WriteBooks(dir, 1);
  ReadWorkbook read;
  std::vector<std::string> expected = Keys(ReadHere(paths[0]).roster.roster);
  {
    Files alone({paths[0]});
    REQUIRE(alone.ahead.Next(&read));
    CHECK(read.parsed);
    CHECK(Keys(read.roster.roster) == expected);
    CHECK_FALSE(alone.ahead.Next(&read));
  }
  Files none({});
  CHECK_FALSE(none.ahead.Next(&read));
}

TEST_CASE("stopped early, the reader lets the workbook under way finish and reads no more") {
  test::TempDir dir;
  std::vector<std::string> paths = WriteBooks(dir, 4);
  std::vector<std::string> many;
  for (int i = 0; i < 40; ++i) many.push_back(paths[static_cast<size_t>(i % 4)]);
  auto files = std::make_unique<Files>(many);
  ReadWorkbook read;
  REQUIRE(files->ahead.Next(&read));
  CHECK(read.path == many[0]);
  REQUIRE(files->ahead.Next(&read));
  CHECK(read.path == many[1]);
  files.reset();  // joins: a reader that did not stop would hang here (and CTest's timeout fail it)
  CHECK(read.parsed);
}

TEST_CASE("what a reader throws comes back as that workbook's Status, naming it") {
  std::vector<std::string> names = {"first.xlsx", "second.xlsx", "third.xlsx"};
  ParseAhead ahead(names, [](size_t i) -> ReadWorkbook {
    if (i == 1) throw std::bad_alloc();
    ReadWorkbook ok;
    ok.path = "read " + std::to_string(i);
    return ok;
  });
  ReadWorkbook read;
  REQUIRE(ahead.Next(&read));
  CHECK(read.status.ok());
  CHECK(read.path == "read 0");
  REQUIRE(ahead.Next(&read));
  CHECK(read.path == "second.xlsx");
  CHECK(read.status.message() == "second.xlsx: cannot be read: std::bad_alloc");
  REQUIRE(ahead.Next(&read));
  CHECK(read.status.ok());
  CHECK(read.path == "read 2");
  CHECK_FALSE(ahead.Next(&read));
}

}  // namespace
}  // namespace icetrack
