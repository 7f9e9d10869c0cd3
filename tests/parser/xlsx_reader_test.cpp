#include <doctest/doctest.h>

#include <memory>

#include "parser/xlsx_reader.h"
#include "tests/support/fixtures.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string Sheet(const std::string& data, const std::string& after = "") { return test::SheetXml(data, after); }

std::vector<TableRow> ReadAll(const std::string& path, Status* status, SheetSummary* summary = nullptr,
                              size_t sheet = 0) {
  std::vector<TableRow> rows;
  std::unique_ptr<XlsxReader> book;
  *status = XlsxReader::OpenBuffer(test::ReadFile(path), path, ZipLimits(), &book);
  if (!status->ok()) return rows;
  *status = book->ReadSheet(sheet, [&](const TableRow& r) {
    rows.push_back(r);
    for (Cell& c : rows.back().cells) c.Own();  // kept after `book` is gone
    return true;
  }, summary);
  return rows;
}

std::vector<TableRow> ReadParts(const test::Parts& parts, Status* status, SheetSummary* summary = nullptr) {
  static int n = 0;
  test::TempDir dir;
  std::string path = dir.File("book" + std::to_string(++n) + ".xlsx");
  test::WriteZip(path, parts);
  return ReadAll(path, status, summary);
}

TEST_CASE("shared, rich-text, inline and formula strings, booleans, errors and numbers") {
  std::string sst = "<sst xmlns=\"" + kMain + "\"><si><t xml:space=\"preserve\"> plain </t></si>"
                    "<si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>PHONETIC</t></rPh></si></sst>";
  std::string data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>inline</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>A1</f><v>formula</v></c><c r=\"B2\" t=\"b\"><v>1</v></c>"
      "<c r=\"C2\" t=\"e\"><v>#N/A</v></c><c r=\"D2\"><v>3.5</v></c></row>";
  Status s;
  std::vector<TableRow> rows = ReadParts(test::MinimalWorkbook(Sheet(data), sst), &s);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells[0].Text() == " plain ");
  CHECK(rows[0].cells[1].Text() == "Rich text");
  CHECK(rows[0].cells[2].Text() == "inline");
  CHECK(rows[0].cells[2].kind == CellKind::String);
  CHECK(rows[1].cells[0].Text() == "formula");
  CHECK(rows[1].cells[1].kind == CellKind::Boolean);
  CHECK(rows[1].cells[1].Text() == "TRUE");
  CHECK(rows[1].cells[2].kind == CellKind::Error);
  CHECK(rows[1].cells[2].Text() == "#N/A");
  CHECK(rows[1].cells[3].kind == CellKind::Number);
  CHECK(rows[1].cells[3].number == 3.5);
  CHECK_FALSE(rows[1].cells[3].is_date);
}

TEST_CASE("cells and rows without an r attribute follow their predecessors") {
  std::string data =
      "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c>"
      "<c r=\"E1\" t=\"inlineStr\"><is><t>e</t></is></c><c t=\"inlineStr\"><is><t>f</t></is></c></row>"
      "<row><c><v>7</v></c></row>";
  Status s;
  std::vector<TableRow> rows = ReadParts(test::MinimalWorkbook(Sheet(data)), &s);
  REQUIRE(s.ok());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].row == 1);
  CHECK(rows[0].cells[1].column == 1);
  CHECK(rows[0].cells[2].column == 4);
  CHECK(rows[0].cells[3].column == 5);
  CHECK(rows[1].row == 2);
  CHECK(rows[1].cells[0].column == 0);
}

TEST_CASE("hyperlinks reach their cells, ranges included — merged ranges are reported") {
  test::Parts parts = test::MinimalWorkbook(Sheet(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>link</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
      "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>in range</t></is></c></row>",
      "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>"
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/><hyperlink ref=\"B3:C4\" r:id=\"rId2\"/>"
      "<hyperlink ref=\"A2\" location=\"Sheet1!A1\"/></hyperlinks>"));
  parts.emplace_back("xl/worksheets/_rels/sheet1.xml.rels",
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"" + kRel + "/hyperlink\" Target=\"https://www.ice.gov/a.pdf\" TargetMode=\"External\"/>"
                     "<Relationship Id=\"rId2\" Type=\"" + kRel + "/hyperlink\" Target=\"https://x.test/b\" TargetMode=\"External\"/>"
                     "</Relationships>");
  Status s;
  SheetSummary summary;
  std::vector<TableRow> rows = ReadParts(parts, &s, &summary);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells[0].hyperlink == "https://www.ice.gov/a.pdf");
  CHECK(rows[1].cells[0].hyperlink.empty());  // internal link: no URL
  CHECK(rows[2].cells[0].hyperlink == "https://x.test/b");
  // C3 holds no value but lies in the linked range: it is delivered with its link.
  REQUIRE(rows[2].cells.size() == 2);
  CHECK(rows[2].cells[1].column == 2);
  CHECK(rows[2].cells[1].kind == CellKind::Empty);
  CHECK(summary.hyperlinks == 2);
  CHECK(summary.dimension == "A1:C3");
  REQUIRE(summary.merged_ranges.size() == 1);
  CHECK(summary.merged_ranges[0] == "A1:C1");
}

TEST_CASE("date styles: built-in 14, custom codes, and the 1904 flag") {
  test::TempDir dir;
  test::IceWorkbook book;
  book.rows = {test::Row("FLORIDA", "A Sheriff's Office", "Jail Enforcement Model", test::Serial(2025, 7, 1))};
  test::WriteIceWorkbook(dir.File("a.xlsx"), book);
  Status s;
  std::vector<TableRow> rows = ReadAll(dir.File("a.xlsx"), &s);
  REQUIRE(s.ok());
  const Cell& signed_cell = rows[1].cells[5];
  CHECK(signed_cell.is_date);
  CHECK(signed_cell.number == test::Serial(2025, 7, 1));

  std::unique_ptr<XlsxReader> reader;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("a.xlsx")), dir.File("a.xlsx"), ZipLimits(), &reader).ok());
  CHECK_FALSE(reader->date1904());
  test::Parts parts = test::ReadZipParts(dir.File("a.xlsx"));
  for (auto& [name, content] : parts) {
    if (name == "xl/workbook.xml") {
      size_t at = content.find("<workbookPr");
      REQUIRE(at != std::string::npos);
      content.insert(at + 11, " date1904=\"1\"");
    }
    if (name == "xl/styles.xml") {  // turn format 14 into a custom date code
      size_t at = content.find("numFmtId=\"14\"");
      REQUIRE(at != std::string::npos);
      content.replace(at, 13, "numFmtId=\"164\"");
      at = content.find("<fonts");
      content.insert(at, "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"mm/dd/yyyy;@\"/></numFmts>");
    }
  }
  test::WriteZip(dir.File("b.xlsx"), parts);
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("b.xlsx")), dir.File("b.xlsx"), ZipLimits(), &reader).ok());
  CHECK(reader->date1904());
  rows = ReadAll(dir.File("b.xlsx"), &s);
  REQUIRE(s.ok());
  CHECK(rows[1].cells[5].is_date);
}

TEST_CASE("sheets keep their names and order — trailing blank rows are ignored") {
  test::TempDir dir;
  test::IceWorkbook book;
  book.sheet = "Sheet 1";
  book.inline_strings = true;
  book.trailing_blank_rows = 70;
  book.sheets_after = {"Sheet2"};
  book.rows = {test::Row("TEXAS", "B Police Department", "Task Force Model")};
  test::WriteIceWorkbook(dir.File("c.xlsx"), book);
  std::unique_ptr<XlsxReader> reader;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("c.xlsx")), dir.File("c.xlsx"), ZipLimits(), &reader).ok());
  REQUIRE(reader->sheets().size() == 2);
  CHECK(reader->sheets()[0].name == "Sheet 1");
  CHECK(reader->sheets()[1].name == "Sheet2");
  Status s;
  SheetSummary summary;
  std::vector<TableRow> rows = ReadAll(dir.File("c.xlsx"), &s, &summary);
  REQUIRE(s.ok());
  CHECK(rows.size() == 2);
  CHECK(summary.rows == 2);
  CHECK(rows[1].cells[1].Text() == "B Police Department");
  CHECK(rows[1].cells[1].kind == CellKind::String);
  // ...read from an inline string: the case liborcus drops.
  for (const auto& [name, content] : test::ReadZipParts(dir.File("c.xlsx"))) {
    if (name == "xl/worksheets/sheet1.xml") CHECK(content.find("t=\"inlineStr\"") != std::string::npos);
  }
}

TEST_CASE("reading can stop early") {
  test::TempDir dir;
  test::IceWorkbook book;
  for (int i = 0; i < 50; ++i) book.rows.push_back(test::Row("OHIO", "Agency " + std::to_string(i), "JEM"));
  test::WriteIceWorkbook(dir.File("d.xlsx"), book);
  std::unique_ptr<XlsxReader> reader;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("d.xlsx")), dir.File("d.xlsx"), ZipLimits(), &reader).ok());
  int seen = 0;
  CHECK(reader->ReadSheet(0, [&](const TableRow&) { return ++seen < 3; }).ok());
  CHECK(seen == 3);
}

TEST_CASE("bad input: malformed sheet XML names the part, line and column") {
  Status s;
  ReadParts(test::MinimalWorkbook(Sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")), &s);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find(": xl/worksheets/sheet1.xml:1:") != std::string::npos);
  CHECK(s.message().find("malformed XML: mismatched tag") != std::string::npos);
}

TEST_CASE("bad input: DOCTYPE in a part is refused") {
  Status s;
  ReadParts(test::MinimalWorkbook("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x \"xx\">]>" +
                                  Sheet("").substr(21)), &s);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("xl/worksheets/sheet1.xml:1:") != std::string::npos);
  CHECK(s.message().find("DOCTYPE declarations are not allowed") != std::string::npos);
}

TEST_CASE("bad input: missing parts are named") {
  test::Parts parts = test::MinimalWorkbook(Sheet(""));
  test::Parts no_sheet, no_workbook;
  for (const auto& p : parts) {
    if (p.first != "xl/worksheets/sheet1.xml") no_sheet.push_back(p);
    if (p.first != "xl/workbook.xml") no_workbook.push_back(p);
  }
  Status s;
  ReadParts(no_sheet, &s);
  CHECK(s.message().find(": missing required part xl/worksheets/sheet1.xml") != std::string::npos);
  ReadParts(no_workbook, &s);
  CHECK(s.message().find(": missing required part xl/workbook.xml") != std::string::npos);
}

TEST_CASE("bad input: a shared string index that does not exist") {
  Status s;
  ReadParts(test::MinimalWorkbook(Sheet("<row r=\"1\"><c r=\"B1\" t=\"s\"><v>9</v></c></row>"),
                                  "<sst xmlns=\"" + kMain + "\"><si><t>only</t></si></sst>"), &s);
  CHECK(s.message().find("xl/worksheets/sheet1.xml: cell B1: shared string 9 does not exist") !=
        std::string::npos);
}

TEST_CASE("bad input: a truncated workbook and an HTML page") {
  test::TempDir dir;
  test::IceWorkbook book;
  for (int i = 0; i < 200; ++i) book.rows.push_back(test::Row("IOWA", "Agency " + std::to_string(i), "WSO"));
  test::WriteIceWorkbook(dir.File("full.xlsx"), book);
  std::string bytes = test::ReadFile(dir.File("full.xlsx"));
  test::WriteFile(dir.File("cut.xlsx"), bytes.substr(0, bytes.size() * 2 / 3));
  test::WriteFile(dir.File("page.xlsx"), "\n<html><head><title>Blocked</title></head></html>");
  Status s;
  ReadAll(dir.File("cut.xlsx"), &s);
  CHECK(s.message() == dir.File("cut.xlsx") +
        ": truncated or damaged zip archive (central directory at end of file missing or inconsistent)");
  ReadAll(dir.File("page.xlsx"), &s);
  CHECK(s.message() == dir.File("page.xlsx") + ": is an HTML page, not a workbook");
}

TEST_CASE("bad input: a zip bomb is refused before it is inflated") {
  test::TempDir dir;
  std::string huge = "<?xml version=\"1.0\"?><worksheet xmlns=\"" + kMain + "\"><sheetData>" +
                     std::string(8u << 20, ' ') + "</sheetData></worksheet>";
  test::Parts parts = test::MinimalWorkbook("");
  for (auto& p : parts) {
    if (p.first == "xl/worksheets/sheet1.xml") p.second = std::move(huge);
  }
  test::WriteZip(dir.File("bomb.xlsx"), parts);
  ZipLimits limits;
  limits.max_ratio = 200;  // 8 MiB of spaces deflate about 1000:1
  std::unique_ptr<XlsxReader> reader;
  Status s = XlsxReader::OpenBuffer(test::ReadFile(dir.File("bomb.xlsx")), dir.File("bomb.xlsx"), limits, &reader);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("xl/worksheets/sheet1.xml: compression ratio") != std::string::npos);
  CHECK(reader == nullptr);
}

// --- Hostile workbooks (issue 11): each was a crash, a blow-up or a stall. ---

std::string LinkRels(int count) {
  std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (int i = 1; i <= count; ++i)
    rels += "<Relationship Id=\"rId" + std::to_string(i) + "\" Type=\"" + kRel +
            "/hyperlink\" Target=\"https://x.test/" + std::to_string(i) + "\" TargetMode=\"External\"/>";
  return rels + "</Relationships>";
}

test::Parts LinkedWorkbook(const std::string& data, const std::string& hyperlinks, int rels = 1) {
  test::Parts parts = test::MinimalWorkbook(Sheet(data, "<hyperlinks>" + hyperlinks + "</hyperlinks>"));
  parts.emplace_back("xl/worksheets/_rels/sheet1.xml.rels", LinkRels(rels));
  return parts;
}

TEST_CASE("a hyperlink range written backwards covers its cells, valued or not") {
  // Was a segfault: the range was indexed by row but never matched, and the
  // link of a cell without a value was looked up and dereferenced.
  Status s;
  std::vector<TableRow> rows = ReadParts(
      LinkedWorkbook("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
                     "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>y</t></is></c></row>",
                     "<hyperlink ref=\"C3:B2\" r:id=\"rId1\"/>"),
      &s);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rows.size() == 2);
  for (const TableRow& row : rows) {
    REQUIRE(row.cells.size() == 3);  // A with its value, B and C with the link only
    CHECK(row.cells[0].hyperlink.empty());
    CHECK(row.cells[1].column == 1);
    CHECK(row.cells[1].hyperlink == "https://x.test/1");
    CHECK(row.cells[2].column == 2);
    CHECK(row.cells[2].hyperlink == "https://x.test/1");
  }
}

TEST_CASE("a cell's own link wins over a range, the first range over later ones") {
  Status s;
  std::vector<TableRow> rows = ReadParts(
      LinkedWorkbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"><v>3</v></c></row>",
                     "<hyperlink ref=\"A1:C1\" r:id=\"rId1\"/><hyperlink ref=\"B1\" r:id=\"rId2\"/>"
                     "<hyperlink ref=\"C1:D1\" r:id=\"rId3\"/>",
                     3),
      &s);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].cells.size() == 4);
  CHECK(rows[0].cells[0].hyperlink == "https://x.test/1");
  CHECK(rows[0].cells[1].hyperlink == "https://x.test/2");
  CHECK(rows[0].cells[2].hyperlink == "https://x.test/1");
  CHECK(rows[0].cells[3].hyperlink == "https://x.test/3");
}

TEST_CASE("one range repeated many times is read once") {
  // Was quadratic: ten copies of a 2^20-cell range took 72 s.
  std::string links;
  for (int i = 0; i < 200; ++i) links += "<hyperlink ref=\"A1:P65536\" r:id=\"rId1\"/>";
  Status s;
  SheetSummary summary;
  std::vector<TableRow> rows =
      ReadParts(LinkedWorkbook("<row r=\"7\"><c r=\"B7\"><v>1</v></c></row>", links), &s, &summary);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells.size() == 16);  // A..P of row 7
  CHECK(summary.hyperlinks == 1);
}

TEST_CASE("hyperlinks covering more cells in total than the limit are refused, not indexed") {
  // Was 4.1 GB: each range indexed up to 2^20 cells, capped per link only.
  std::string links;
  for (int i = 1; i <= 40; ++i) links += "<hyperlink ref=\"A" + std::to_string(i) + ":XFD" +
                                         std::to_string(i + 20000) + "\" r:id=\"rId1\"/>";
  Status s;
  std::vector<TableRow> rows = ReadParts(LinkedWorkbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", links), &s);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("xl/worksheets/sheet1.xml: more than 262144 hyperlinks, or hyperlinks covering more than "
                         "4194304 cells (limits against hostile workbooks)") != std::string::npos);
}

TEST_CASE("cells pointing at one long shared string share it and stop at the text limit") {
  // Was 4.0 GB: the string was copied into every cell, and cells without r
  // escaped the column cap.
  std::string sst = "<sst xmlns=\"" + kMain + "\"><si><t>" + std::string(100000, 'x') + "</t></si></sst>";
  std::string cells;
  for (int i = 0; i < 1000; ++i) cells += "<c t=\"s\"><v>0</v></c>";
  std::string data;
  for (int r = 1; r <= 10; ++r) data += "<row>" + cells + "</row>";  // 1e9 bytes delivered
  test::TempDir dir;
  test::WriteZip(dir.File("a.xlsx"), test::MinimalWorkbook(Sheet(data), sst));
  std::unique_ptr<XlsxReader> book;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("a.xlsx")), "a.xlsx", ZipLimits(), &book).ok());
  int rows = 0;
  const char* shared = nullptr;
  Status s = book->ReadSheet(0, [&](const TableRow& row) {
    ++rows;
    for (const Cell& c : row.cells) {
      CHECK(c.is_shared);  // a view of the one string, never a copy
      if (shared) CHECK(c.shared.data() == shared);
      shared = c.shared.data();
    }
    return true;
  });
  CHECK(s.ok());
  CHECK(rows == 10);
  SheetLimits limits;
  limits.max_text_bytes = 999999999;
  book->set_sheet_limits(limits);
  s = book->ReadSheet(0, [&](const TableRow&) { return true; });
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "a.xlsx: xl/worksheets/sheet1.xml: more than 999999999 bytes of text "
                       "(a limit against hostile workbooks)");
}

TEST_CASE("cells without r stop at the last column, rows at the last row") {
  std::string cells;
  for (int i = 0; i < 16385; ++i) cells += "<c><v>1</v></c>";
  Status s;
  ReadParts(test::MinimalWorkbook(Sheet("<row r=\"1\">" + cells + "</row>")), &s);
  CHECK(s.message().find("sheet1.xml: row 1 has more than 16384 columns") != std::string::npos);
  for (const char* r : {"2147483648", "1048577", "99999999999999999999", "-1", "+3", "1e3", ""}) {
    CAPTURE(r);
    ReadParts(test::MinimalWorkbook(Sheet(std::string("<row r=\"") + r + "\"><c><v>1</v></c></row>")), &s);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("sheet1.xml: row") != std::string::npos);
  }
  ReadParts(test::MinimalWorkbook(Sheet("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")), &s);
  CHECK_MESSAGE(s.ok(), s.message());  // the last cell of a sheet is fine
}

TEST_CASE("a cell written out of order, or twice, is an error — never paired with the wrong header") {
  Status s;
  ReadParts(test::MinimalWorkbook(Sheet("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>")), &s);
  CHECK(s.message().find("sheet1.xml: cell A1 is out of order") != std::string::npos);
  ReadParts(test::MinimalWorkbook(Sheet("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c><v>2</v></c><c r=\"C1\"><v>3</v></c></row>")), &s);
  CHECK(s.message().find("sheet1.xml: cell C1 is out of order") != std::string::npos);
}

TEST_CASE("a style number out of range is an error, not an overflow") {
  Status s;
  ReadParts(test::MinimalWorkbook(Sheet("<row r=\"1\"><c r=\"A1\" s=\"4294967297\"><v>1</v></c></row>")), &s);
  CHECK(s.message().find("cell A1: style \"4294967297\" is not a style number") != std::string::npos);
}

TEST_CASE("found by review: markup inside CDATA or a comment cannot forge or hide hyperlinks") {
  // A cell whose text, in CDATA, reads like the end of the rows and a hyperlink over the sheet.
  std::string forged = "<![CDATA[</sheetData><hyperlinks><hyperlink ref=\"A1:Z100\" r:id=\"rId1\"/></hyperlinks>]]>";
  std::string data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + forged + "</t></is></c>"
                     "<c r=\"B1\"><v>1</v></c></row>";
  test::Parts parts = test::MinimalWorkbook(
      "<?xml version=\"1.0\"?><!-- <x> --><worksheet xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel +
      "\"><sheetData>" + data + "</sheetData><!-- </sheetData> --><hyperlinks><hyperlink ref=\"B1\" r:id=\"rId1\"/>"
      "</hyperlinks></worksheet>");
  parts.emplace_back("xl/worksheets/_rels/sheet1.xml.rels", LinkRels(1));
  Status s;
  SheetSummary summary;
  std::vector<TableRow> rows = ReadParts(parts, &s, &summary);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].cells.size() == 2);
  CHECK(rows[0].cells[0].hyperlink.empty());  // not forged
  CHECK(rows[0].cells[0].Text().find("</sheetData>") != std::string_view::npos);
  CHECK(rows[0].cells[1].hyperlink == "https://x.test/1");  // the real one, found past the comment
  CHECK(summary.hyperlinks == 1);
}

TEST_CASE("found by review: a row of 16,384 linked columns is merged in one pass") {
  std::string cells;
  for (int c = 8192; c < 16384; ++c) cells += "<c r=\"" + ColumnName(c) + "1\"><v>1</v></c>";
  Status s;
  std::vector<TableRow> rows =
      ReadParts(LinkedWorkbook("<row r=\"1\">" + cells + "</row>", "<hyperlink ref=\"A1:XFD1\" r:id=\"rId1\"/>"), &s);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].cells.size() == 16384);
  for (int c = 0; c < 16384; ++c) {
    if (rows[0].cells[c].column != c || rows[0].cells[c].hyperlink != "https://x.test/1") {
      FAIL("cell " << c << " is column " << rows[0].cells[c].column);
    }
  }
  CHECK(rows[0].cells[100].kind == CellKind::Empty);
  CHECK(rows[0].cells[9000].kind == CellKind::Number);
}

TEST_CASE("found by fuzzing: a row inside a row is an error, never a row delivered twice") {
  Status s;
  std::vector<TableRow> rows = ReadParts(
      test::MinimalWorkbook(Sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c><row r=\"2\"><c r=\"A2\"><v>2</v></c></row></row>")), &s);
  CHECK(s.message().find("sheet1.xml: row inside row 1") != std::string::npos);
  CHECK(rows.empty());
}

TEST_CASE("the cell limit counts every cell delivered") {
  test::TempDir dir;
  std::string data;
  for (int r = 1; r <= 10; ++r) data += "<row><c><v>1</v></c><c><v>2</v></c></row>";
  test::WriteZip(dir.File("a.xlsx"), test::MinimalWorkbook(Sheet(data)));
  std::unique_ptr<XlsxReader> book;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("a.xlsx")), "a.xlsx", ZipLimits(), &book).ok());
  SheetLimits limits;
  limits.max_cells = 20;
  book->set_sheet_limits(limits);
  CHECK(book->ReadSheet(0, [](const TableRow&) { return true; }).ok());
  limits.max_cells = 19;
  book->set_sheet_limits(limits);
  Status s = book->ReadSheet(0, [](const TableRow&) { return true; });
  CHECK(s.message() == "a.xlsx: xl/worksheets/sheet1.xml: more than 19 cells (a limit against hostile workbooks)");
}

TEST_CASE("the real largest workbook is read completely") {
  REQUIRE_FIXTURES();
  Status s;
  SheetSummary summary;
  std::vector<TableRow> rows =
      ReadAll(test::FixturesDir() + "/xlsx/2026-05-18_participatingAgencies05182026am.xlsx", &s, &summary);
  REQUIRE(s.ok());
  CHECK(rows.size() == 1844);  // header + 1,843 data rows (MANIFEST.tsv)
  CHECK(summary.dimension == "A1:M1854");  // ten trailing formatted rows were skipped
  CHECK(summary.hyperlinks >= 1680 + 45);
}

}  // namespace
}  // namespace icetrack
