// The XLSX writer, read back by icetrack's own reader: sheets, types,
// links, and the header row frozen and filtered.
#include "report/xlsx_tables.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "parser/xlsx_reader.h"
#include "parser/zip_archive.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<TableRow> ReadBack(const XlsxReader& reader, size_t sheet) {
  std::vector<TableRow> rows;
  Status s = reader.ReadSheet(sheet, [&](const TableRow& row) {
    rows.push_back(row);
    for (Cell& c : rows.back().cells) c.Own();
    return true;
  });
  REQUIRE_MESSAGE(s.ok(), s.message());
  return rows;
}

const Cell* At(const TableRow& row, int column) {
  for (const Cell& c : row.cells) {
    if (c.column == column) return &c;
  }
  return nullptr;
}

TEST_CASE("an XLSX table reads back with its sheet, typed cells and links") {
  test::TempDir dir;
  XlsxTable t;
  t.sheet = "Roster";
  t.columns = {{"agency", XlsxKind::Text}, {"signed", XlsxKind::Date}, {"moa_url", XlsxKind::Link},
               {"first_listed", XlsxKind::Time}, {"id", XlsxKind::Number}};
  t.rows = {{"Polk County Sheriff\xE2\x80\x99s Office", "2025-02-20", "https://www.ice.gov/doclib/polk.pdf",
             "2025-03-01T10:30:00Z", "17"},
            {"Lee", "2025-02-30", "external:c:\\secret.xlsx", "not a time", "x"},
            {"Hays", "", "", "", ""}};
  XlsxTable other;
  other.sheet = "Counts";
  other.columns = {{"state", XlsxKind::Text}};
  other.rows = {{"FL"}};
  REQUIRE(WriteXlsx(dir.File("out.xlsx"), {t, other}).ok());
  std::unique_ptr<XlsxReader> reader;
  REQUIRE(XlsxReader::OpenBuffer(ReadFile(dir.File("out.xlsx")), "out.xlsx", ZipLimits(), &reader).ok());
  REQUIRE(reader->sheets().size() == 2);
  CHECK(reader->sheets()[0].name == "Roster");
  CHECK(reader->sheets()[1].name == "Counts");
  std::vector<TableRow> rows = ReadBack(*reader, 0);
  REQUIRE(rows.size() == 4);
  CHECK(At(rows[0], 0)->Text() == "agency");
  const TableRow& polk = rows[1];
  CHECK(At(polk, 0)->Text() == "Polk County Sheriff\xE2\x80\x99s Office");
  CHECK(At(polk, 1)->kind == CellKind::Number);
  CHECK(At(polk, 1)->is_date);
  CHECK(At(polk, 1)->number == 45708);  // 2025-02-20 as an Excel serial
  CHECK(At(polk, 2)->hyperlink == "https://www.ice.gov/doclib/polk.pdf");
  CHECK(At(polk, 3)->is_date);
  CHECK(At(polk, 3)->number == doctest::Approx(45717 + 10.5 / 24));
  CHECK(At(polk, 4)->kind == CellKind::Number);
  CHECK(At(polk, 4)->number == 17);
  const TableRow& lee = rows[2];  // what a kind cannot hold is kept as its text
  CHECK(At(lee, 1)->kind == CellKind::String);
  CHECK(At(lee, 1)->Text() == "2025-02-30");
  CHECK(At(lee, 2)->Text() == "external:c:\\secret.xlsx");
  CHECK(At(lee, 2)->hyperlink.empty());  // never a link to a local file
  CHECK(At(lee, 3)->Text() == "not a time");
  CHECK(At(lee, 4)->Text() == "x");
  CHECK(rows[3].cells.size() == 1);  // empty values are empty cells
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(ZipArchive::OpenBuffer(ReadFile(dir.File("out.xlsx")), "out.xlsx", ZipLimits(), &zip).ok());
  std::string sheet;
  REQUIRE(zip->ReadWhole("xl/worksheets/sheet1.xml", &sheet));
  CHECK(sheet.find("state=\"frozen\"") != std::string::npos);
  CHECK(sheet.find("<autoFilter ref=\"A1:E4\"") != std::string::npos);
  CHECK(sheet.find("<cols>") != std::string::npos);
}

TEST_CASE("an XLSX table with a name Excel refuses fails, naming the path and sheet") {
  test::TempDir dir;
  XlsxTable t;
  t.sheet = "a/b";
  t.columns = {{"x", XlsxKind::Text}};
  Status s = WriteXlsx(dir.File("bad.xlsx"), {t});
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("bad.xlsx: sheet a/b") != std::string::npos);
}

}  // namespace
}  // namespace icetrack
