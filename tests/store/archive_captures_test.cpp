// The backfill's table of the Internet Archive's captures, and the bytes it
// keeps before recording them, on a real SQLite file.
#include <doctest/doctest.h>

#include <memory>

#include "store/store.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

ArchiveCapture Capture(const std::string& digest, const std::string& timestamp) {
  ArchiveCapture c;
  c.digest = digest;
  c.url = "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx";
  c.timestamp = timestamp;
  c.mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return c;
}

TEST_CASE("captures: one a digest, oldest first, and how far each got") {
  test::TempDir dir;
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir.File("h.db"), &store).ok());
  int added = 0;
  REQUIRE(store->AddCaptures({Capture("B", "20250301120000"), Capture("A", "20250221214937"),
                              Capture("B", "20250302120000")}, &added).ok());
  CHECK(added == 2);  // the same bytes captured twice are one capture: the first one given
  REQUIRE(store->AddCaptures({Capture("A", "20250221214937"), Capture("C", "20250101000000")}, &added).ok());
  CHECK(added == 1);
  std::vector<ArchiveCapture> all;
  REQUIRE(store->Captures(&all).ok());
  REQUIRE(all.size() == 3);
  CHECK(all[0].digest == "C");
  CHECK(all[1].digest == "A");
  CHECK(all[2].timestamp == "20250301120000");
  CHECK(all[2].status == CaptureStatus::Found);
  all[2].status = CaptureStatus::Refused;
  all[2].error = "an HTML page, not a workbook";
  REQUIRE(store->UpdateCapture(all[2]).ok());
  REQUIRE(store->Captures(&all).ok());
  CHECK(all[2].status == CaptureStatus::Refused);
  CHECK(all[2].error == "an HTML page, not a workbook");
  CHECK(all[2].snapshot_id == 0);
}

TEST_CASE("bytes kept before any snapshot are there once, and read back whole") {
  test::TempDir dir;
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir.File("h.db"), &store).ok());
  std::string bytes("PK\x03\x04\x00\x01 with a NUL", 17);
  REQUIRE(store->KeepWorkbook("aa11", bytes).ok());
  REQUIRE(store->KeepWorkbook("aa11", bytes).ok());
  CHECK(test::QueryInt(dir.File("h.db"), "SELECT COUNT(*) FROM workbooks") == 1);
  std::string back;
  REQUIRE(store->WorkbookBytes("aa11", &back).ok());
  CHECK(back == bytes);
  CHECK(store->WorkbookBytes("bb22", &back).message() == "no stored bytes of bb22");
}

}  // namespace
}  // namespace icetrack
