// The real ICE workbooks: every one is read completely and agrees with what
// an independent reader (openpyxl) saw, as recorded in MANIFEST.tsv.
#include <doctest/doctest.h>

#include <map>
#include <memory>

#include "parser/header_map.h"
#include "parser/roster_reader.h"
#include "parser/xlsx_reader.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

namespace icetrack {

namespace {

// A real workbook's roster, read the way `icetrack parse` reads it.
Status ReadAt(const std::string& path, Roster* out) {
  return ReadRosterBuffer(test::ReadFile(path), path, ZipLimits(), out);
}

}  // namespace
namespace {

struct LinkCounts {
  int moa = 0, addendum = 0;
};

// Cells with a hyperlink in the MOA and ADDENDUM columns, counted from the raw cells.
LinkCounts CountLinks(const std::string& path) {
  std::unique_ptr<XlsxReader> book;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(path), path, ZipLimits(), &book).ok());
  LinkCounts counts;
  std::optional<HeaderMap> header;
  std::map<int, Field> fields;
  REQUIRE(book->ReadSheet(0, [&](const TableRow& row) {
    if (!header) {
      header = ReadHeader(row);
      if (header)
        for (const HeaderColumn& c : header->columns) fields[c.column] = c.field;
      return true;
    }
    for (const Cell& cell : row.cells) {
      if (cell.hyperlink.empty()) continue;
      if (fields[cell.column] == Field::Moa) ++counts.moa;
      if (fields[cell.column] == Field::Addendum) ++counts.addendum;
    }
    return true;
  }).ok());
  return counts;
}

TEST_CASE("every real workbook matches the independent reader's manifest") {
  REQUIRE_FIXTURES();
  std::vector<test::ManifestEntry> manifest = test::ReadManifest();
  REQUIRE(manifest.size() >= 30);
  for (const test::ManifestEntry& entry : manifest) {
    CAPTURE(entry.file);
    std::string path = test::FixturesDir() + "/" + entry.file;
    Roster roster;
    Status s = ReadAt(path, &roster);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(ToString(roster.kind) == entry.kind);
    CHECK(roster.sheet == entry.first_sheet);
    CHECK(roster.header_row == 1);
    CHECK(static_cast<int>(roster.rows.size()) == entry.data_rows);
    ModelCounts counts = CountModels(roster.rows);
    CHECK(counts.jem == entry.jem);
    CHECK(counts.tfm == entry.tfm);
    CHECK(counts.wso == entry.wso);
    CHECK(counts.unknown == entry.no_model);
    LinkCounts links = CountLinks(path);
    CHECK(links.moa == entry.moa_links);
    CHECK(links.addendum == entry.addendum_links);
    // Every row of a real workbook gets a state and a key; no key is shared.
    std::map<std::string, int> keys;
    for (const RosterRow& row : roster.rows) {
      CHECK_MESSAGE(!row.state_code.empty(), entry.file, " row ", row.source_row, ": ", row.state);
      ++keys[row.key];
    }
    CHECK(keys.size() == roster.rows.size());
  }
}

TEST_CASE("the 2 Mar 2026 workbook's totals sheet is named as ignored") {
  REQUIRE_FIXTURES();
  Roster roster;
  REQUIRE(ReadAt(test::FixturesDir() + "/xlsx/2026-03-02_participatingAgencies03022026am.xlsx", &roster).ok());
  CHECK(roster.sheet == "Sheet1");
  REQUIRE(roster.ignored_sheets.size() == 1);
  CHECK(roster.ignored_sheets[0] == "Sheet2");
}

TEST_CASE("the swapped files of 22 Sep 2025 are classified by their columns") {
  REQUIRE_FIXTURES();
  Roster a, b;
  std::string dir = test::FixturesDir() + "/xlsx/";
  REQUIRE(ReadAt(dir + "2025-09-22_participatingAgencies09222025pm_CONTAINS_PENDING.xlsx", &a).ok());
  REQUIRE(ReadAt(dir + "2025-09-22_pendingAgencies09222025pm_CONTAINS_PARTICIPATING.xlsx", &b).ok());
  CHECK(a.kind == ListKind::Pending);
  CHECK(b.kind == ListKind::Participating);
}

TEST_CASE("SIGNED cells typed as text are read only when certain") {
  REQUIRE_FIXTURES();
  for (const test::ManifestEntry& entry : test::ReadManifest()) {
    if (entry.signed_as_text == 0) continue;
    CAPTURE(entry.file);
    Roster roster;
    REQUIRE(ReadAt(test::FixturesDir() + "/" + entry.file, &roster).ok());
    for (const RosterRow& row : roster.rows) {
      if (row.signed_date.empty()) {
        // Not readable: the raw text is kept and a warning names the row.
        CHECK(!row.signed_raw.empty());
        bool warned = false;
        for (const Warning& w : roster.warnings) warned = warned || w.row == row.source_row;
        CHECK(warned);
      } else {
        CHECK(row.signed_date.size() == 10);
      }
    }
  }
}

TEST_CASE("the derived 2021 workbook's inline strings and text dates are read") {
  REQUIRE_FIXTURES();
  Roster roster;
  REQUIRE(ReadAt(test::FixturesDir() + "/xlsx/2021-01-13_DERIVED_ParticipatingEntities-20210113002027.xlsx", &roster).ok());
  REQUIRE(roster.rows.size() == 150);
  int dated = 0;
  for (const RosterRow& row : roster.rows) dated += !row.signed_date.empty();
  CHECK(dated >= 145);
  CHECK(!roster.rows[0].agency.empty());
}

}  // namespace
}  // namespace icetrack
