// Fuzz target: one part of a valid workbook replaced by the input, so that
// mutations reach the XML readers rather than the deflate checksums. The
// first byte picks the part: the sheet, the shared strings, the styles, the
// sheet's relationships (its hyperlinks), the workbook or its relationships.
// Seeds: each part of the fixture workbooks, prefixed with its byte
// (scripts/fuzz.sh).
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/workbook_checks.h"
#include "tests/support/zip_files.h"

namespace {

const char* const kParts[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                              "xl/worksheets/_rels/sheet1.xml.rels", "xl/workbook.xml",
                              "xl/_rels/workbook.xml.rels"};

const std::string kNs = "http://schemas.openxmlformats.org/";

// A valid one-sheet workbook with shared strings, styles and a hyperlink.
icetrack::test::Parts Workbook() {
  icetrack::test::Parts parts = icetrack::test::MinimalWorkbook(
      "<worksheet xmlns=\"" + kNs + "spreadsheetml/2006/main\" xmlns:r=\"" + kNs +
          "officeDocument/2006/relationships\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
          "<c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c>"
          "<c r=\"B2\" s=\"1\"><v>45474</v></c></row></sheetData>"
          "<hyperlinks><hyperlink ref=\"A2\" r:id=\"rId1\"/></hyperlinks></worksheet>",
      "<sst xmlns=\"" + kNs + "spreadsheetml/2006/main\"><si><t>STATE</t></si><si><t>SIGNED</t></si>"
          "<si><t>FLORIDA</t></si></sst>");
  parts.emplace_back("xl/styles.xml", "<styleSheet xmlns=\"" + kNs + "spreadsheetml/2006/main\"><cellXfs>"
                                      "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
  parts.emplace_back("xl/worksheets/_rels/sheet1.xml.rels",
                     "<Relationships xmlns=\"" + kNs + "package/2006/relationships\"><Relationship Id=\"rId1\" "
                     "Type=\"" + kNs + "officeDocument/2006/relationships/hyperlink\" "
                     "Target=\"https://www.ice.gov/doclib/moa.pdf\" TargetMode=\"External\"/></Relationships>");
  for (auto& [name, content] : parts) {
    if (name == "xl/_rels/workbook.xml.rels")
      content.insert(content.rfind("</Relationships>"),
                     "<Relationship Id=\"rId3\" Type=\"" + kNs + "officeDocument/2006/relationships/styles\" "
                     "Target=\"styles.xml\"/>");
  }
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const icetrack::test::Parts kWorkbook = Workbook();
  std::string part = kParts[data[0] % (sizeof(kParts) / sizeof(kParts[0]))];
  icetrack::test::Parts parts = kWorkbook;
  bool replaced = false;
  for (auto& [name, content] : parts) {
    if (name == part) content.assign(icetrack::fuzz::Text(data + 1, size - 1)), replaced = true;
  }
  FUZZ_CHECK(replaced);
  icetrack::fuzz::CheckWorkbook(icetrack::test::ZipBytes(parts));
  return 0;
}
