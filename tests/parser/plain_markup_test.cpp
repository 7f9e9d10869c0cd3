#include "parser/plain_markup.h"

#include <doctest/doctest.h>
#include <zip.h>

#include <cstdlib>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parser/xlsx_parts.h"
#include "parser/xlsx_reader.h"
#include "parser/zip_archive.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

// Prefixes as a sheet declares them: r for relationships ("r:id" kept), any
// other dropped, as the XML reader names attributes.
struct SheetNames : XmlNames {
  std::string_view Attribute(std::string_view qualified) override {
    size_t colon = qualified.find(':');
    return qualified.substr(0, colon) == "r" ? qualified : qualified.substr(colon + 1);
  }
};

std::string Shown(const std::optional<std::string_view>& v) { return v ? "'" + std::string(*v) + "'" : "-"; }

// A row as ReadPlainRow gives it: "r=2 | r='A2' s='60' t='s' v=9 | ...", or "" when it takes nothing.
std::string Plain(const std::string& xml, size_t* length = nullptr) {
  xlsx::PlainRow row;
  SheetNames names;
  size_t n = xlsx::ReadPlainRow(xml, names, &row);
  if (length) *length = n;
  if (n == 0) return "";
  std::string out = "r=" + Shown(row.r);
  for (const xlsx::PlainCell& c : row.cells)
    out += " | r=" + Shown(c.r) + " s=" + Shown(c.s) + " t=" + Shown(c.t) + " v=" + std::string(c.v);
  return out;
}

TEST_CASE("a row as Excel writes it is read in place, to its end") {
  std::string row =
      "<row r=\"2\" spans=\"1:13\" s=\"8\" customFormat=\"1\" ht=\"33.75\" customHeight=\"1\" x14ac:dyDescent=\"0.25\">"
      "<c r=\"A2\" s=\"66\" t=\"s\"><v>8</v></c><c r=\"F2\" s=\"38\"><v>45922</v></c><c r=\"H2\" s=\"119\"/></row>";
  size_t length = 0;
  CHECK(Plain(row + "<row r=\"3\"/>", &length) ==
        "r='2' | r='A2' s='66' t='s' v=8 | r='F2' s='38' t=- v=45922 | r='H2' s='119' t=- v=");
  CHECK(length == row.size());
  CHECK(Plain("<row r='4'/>") == "r='4'");
  CHECK(Plain("<row>\n  <c>\n<v>\t1 2\n</v>\n</c >", &length) == "");  // "</c >" is not the plain form
  CHECK(Plain("\n <row >\n  <c t=\"str\" >\n<v>\t1 \"2\"\n</v>\n</c>\r\n</row>", &length) ==
        "r=- | r=- s=- t='str' v=\t1 \"2\"\n");
  CHECK(Plain("<row><c r=\"A1\"><v></v></c><c r=\"B1\"></c></row>") == "r=- | r='A1' s=- t=- v= | r='B1' s=- t=- v=");
  // attributes by the names the XML reader gives them: a prefix dropped, the first of two kept
  CHECK(Plain("<row x:r=\"5\"><c x:r=\"A5\" r=\"B5\" r:s=\"1\"/></row>") == "r='5' | r='A5' s=- t=- v=");
}

TEST_CASE("anything but the plain form is left to the XML reader, whole row and all") {
  const char* const kNotPlain[] = {
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>",  // inline string
      "<row r=\"1\"><c r=\"A1\"><f>B1</f><v>2</v></c></row>",                // formula
      "<row r=\"1\"><c r=\"A1\"><v>a&amp;b</v></c></row>",                   // a reference
      "<row r=\"1\"><c r=\"A1\"><v>1</v><!-- note --></c></row>",            // a comment
      "<row r=\"1\"><c r=\"A1\"><v><![CDATA[1]]></v></c></row>",             // CDATA
      "<row r=\"1\"><c r=\"A1\"><v>caf\xC3\xA9</v></c></row>",               // non-ASCII text
      "<row r=\"1\"><c r=\"A1\"><v>1\r</v></c></row>",                       // a CR to normalize
      "<row r=\"1\"><c r=\"A1\"><v>1]]></v></c></row>",                      // ']]>' (and any '>')
      "<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>",                // a duplicate attribute
      "<row r=\"1\" xmlns:x=\"urn:x\"><c r=\"A1\"><v>1</v></c></row>",       // a namespace declared
      "<row r=\"1\"><c r=\"A1\" s=\"1\"t=\"s\"><v>1</v></c></row>",          // attributes not apart
      "<row r=\"1\"><c r = \"A1\"><v>1</v></c></row>",                       // spaces around '='
      "<row r=\"1\"><c r=\"A&amp;1\"><v>1</v></c></row>",                    // a reference in a value
      "<row r=\"1\"><c r=\"A1\tB\"><v>1</v></c></row>",                      // a tab to normalize in a value
      "<row r=\"1\"><c r=\"A1'><v>1</v></c></row>",                          // quotes that do not match
      "<row r=\"1\"><x:c r=\"A1\"><v>1</v></x:c></row>",                     // a prefixed element
      "<x:row r=\"1\"><c r=\"A1\"><v>1</v></c></x:row>",
      "<row r=\"1\"><c r=\"A1\"><v xml:space=\"preserve\">1</v></c></row>",  // <v> with attributes
      "<row r=\"1\"><c r=\"A1\"><v/></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v><v>2</v></c></row>",                 // two values
      "<row r=\"1\">x<c r=\"A1\"><v>1</v></c></row>",                        // text between cells
      "<row r=\"1\"><col r=\"A1\"/></row>",                                  // another element
      "<rows r=\"1\"/>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row >",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c>",                               // cut short
      "<row r=\"1\"><c r=\"A1\"><v>1</v",
      "<row r=\"1",
      "<row r=\"1\" /",
      "<!-- a comment --><row r=\"1\"/>",
      "",
  };
  for (const char* xml : kNotPlain) {
    CAPTURE(xml);
    CHECK(Plain(xml) == "");
  }
  std::string wide = "<row r=\"1\">";
  for (int i = 0; i <= 16384; ++i) wide += "<c/>";
  CHECK(Plain(wide + "</row>") == "");  // more cells than a sheet has columns
}

// Rows as one line each, and the outcome, for comparing the two ways of reading.
std::string ReadBothWays(const std::string& bytes, bool in_place, int stop_after = -1, SheetSummary* counts = nullptr) {
  std::unique_ptr<XlsxReader> book;
  Status s = XlsxReader::OpenBuffer(bytes, "book.xlsx", ZipLimits(), &book);
  if (!s.ok()) return s.message();
  book->set_plain_markup(in_place);
  std::string out;
  int rows = 0;
  SheetSummary summary;
  s = book->ReadSheet(0, [&](const TableRow& row) {
    out += std::to_string(row.row) + ":";
    for (const Cell& c : row.cells)
      out += " " + CellName(row.row, c.column) + "=" + std::to_string(static_cast<int>(c.kind)) + "/" +
             std::string(c.Text()) + "/" + std::to_string(c.number) + (c.is_date ? "/date" : "") +
             (c.hyperlink.empty() ? "" : " <" + c.hyperlink + ">");
    out += "\n";
    return ++rows != stop_after;
  }, &summary);
  if (counts) *counts = summary;
  out += "rows " + std::to_string(summary.rows) + ", links " + std::to_string(summary.hyperlinks) + ", dimension " +
         summary.dimension + ", merged " + std::to_string(summary.merged_ranges.size()) + "\n";
  return out + (s.ok() ? "ok" : s.message());
}

TEST_CASE("rows read in place are the rows the XML reader gives, errors and all") {
  const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string sst = "<sst xmlns=\"" + kMain + "\"><si><t>STATE</t></si><si><t>AGENCY</t></si></sst>";
  const std::string kRows[] = {
      // plain rows around rows that are not: each row is read one way or the other, never both
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>inline</t></is></c><c r=\"B2\"><v>3.5</v></c></row>"
      "\n<row r=\"3\" x14ac:dyDescent=\"0.25\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"e\"><v>#N/A</v></c></row>"
      "<!-- between --><row r=\"4\"><c r=\"A4\" t=\"str\"><v>a&amp;b</v></c></row>"
      "<row r=\"5\"><c t=\"d\"><v>2026-01-02</v></c><c><v>7</v></c><c r=\"E5\"/></row><row r=\"6\"/>"
      "<row r=\"7\"><c r=\"A7\" s=\"1\"><v>45922</v></c></row>",
      // the reader's own errors, raised by a plain row
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1\"><c r=\"A1\"><v>2</v></c></row>",
      "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"A2\"><v>2</v></c></row>",
      "<row r=\"2\"><c r=\"ZZZZ2\"><v>1</v></c></row>",
      "<row r=\"x\"/>",
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>9</v></c></row>",
      "<row r=\"2\"><c r=\"A2\"><v>1e</v></c></row>",
      "<row r=\"2\"><c r=\"A2\" s=\"-1\"><v>1</v></c></row>",
      "<row r=\"2\"><c r=\"A2\" s=\"1\"/></row>",
      // XML errors inside a row that is not plain, after plain ones
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" r=\"B2\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row >junk<",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>\x01</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c><row r=\"2\"/></row>",
      // no row at all; a sheet cut short inside a row read in place and inside one that is not
      "",
      "\n ",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x",
      // an attribute read once its prefix goes, and one in the relationships namespace
      "<row r=\"1\"><c x:r=\"C1\" xmlns:x=\"urn:x\"><v>1</v></c><c r:r=\"D1\" r=\"E1\"><v>2</v></c></row>",
  };
  const std::string kNs = "http://schemas.openxmlformats.org/";
  const std::string kLinks =
      "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells>"
      "<hyperlinks><hyperlink ref=\"B1:B3\" r:id=\"rId1\"/><hyperlink ref=\"D7\" r:id=\"rId1\"/></hyperlinks>";
  for (const std::string& rows : kRows) {
    CAPTURE(rows);
    test::Parts parts = test::MinimalWorkbook(test::SheetXml(rows, kLinks), sst);
    parts.emplace_back("xl/worksheets/_rels/sheet1.xml.rels",
                       "<Relationships xmlns=\"" + kNs + "package/2006/relationships\"><Relationship Id=\"rId1\" "
                       "Type=\"" + kNs + "officeDocument/2006/relationships/hyperlink\" "
                       "Target=\"https://www.ice.gov/doclib/moa.pdf\" TargetMode=\"External\"/></Relationships>");
    std::string bytes = test::ZipBytes(parts);
    std::string generic = ReadBothWays(bytes, false);
    SheetSummary in_place;
    CHECK(ReadBothWays(bytes, true, -1, &in_place) == generic);
    if (&rows == &kRows[0]) {
      CHECK(generic.find("D7=0//0.000000 <https://www.ice.gov/doclib/moa.pdf>") != std::string::npos);
      CHECK(in_place.rows_in_place == 4);  // rows 1, 3, 5 and 7; 2 and 4 through the XML reader, 6 holds nothing
    }
    CHECK(ReadBothWays(bytes, true, 1) == ReadBothWays(bytes, false, 1));  // a reader that stops early
  }
}

TEST_CASE("every fixture workbook reads the same rows in place as through the XML reader") {
  REQUIRE_FIXTURES();
  int books = 0, in_place_rows = 0, rows = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::FixturesDir() + "/xlsx")) {
    if (entry.path().extension() != ".xlsx") continue;
    std::string bytes = test::ReadFile(entry.path().string());
    CAPTURE(entry.path().string());
    SheetSummary generic_counts, counts;
    std::string generic = ReadBothWays(bytes, false, -1, &generic_counts);
    CHECK(generic.ends_with("ok"));
    CHECK(ReadBothWays(bytes, true, -1, &counts) == generic);
    CHECK(generic_counts.rows_in_place == 0);
    in_place_rows += counts.rows_in_place;
    rows += counts.rows;
    ++books;
  }
  CHECK(books >= 20);
  CHECK(in_place_rows * 10 > rows * 9);  // nearly all: ICE's rows are plain, but for the derived 2021 book's
  MESSAGE("rows read in place: " << in_place_rows << " of " << rows);
}

// A relationship as ReadPlainRelationship gives it, or "" when it takes nothing.
std::string PlainRel(const std::string& xml, size_t* length = nullptr) {
  xlsx::PlainRelationship rel;
  SheetNames names;
  size_t n = xlsx::ReadPlainRelationship(xml, names, &rel);
  if (length) *length = n;
  if (n == 0) return "";
  return Shown(rel.id) + " " + Shown(rel.type) + " " + Shown(rel.target) + " " + Shown(rel.target_mode);
}

TEST_CASE("a relationship as Excel writes it is read in place, and anything else is left to the XML reader") {
  std::string rel = "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "hyperlink\" Target=\"https://www.ice.gov/doclib/287gMOA/TyePoliceDeptTX_TFM_MOA_02172026.pdf\" "
                    "TargetMode=\"External\"/>";
  size_t length = 0;
  CHECK(PlainRel(rel + "<Relationship/>", &length) ==
        "'rId3' 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink' "
        "'https://www.ice.gov/doclib/287gMOA/TyePoliceDeptTX_TFM_MOA_02172026.pdf' 'External'");
  CHECK(length == rel.size());
  CHECK(PlainRel("\n<Relationship Target='a.xml' Id='r'\n/>") == "'r' - 'a.xml' -");
  CHECK(PlainRel("<Relationship x:Id=\"p\" Id=\"q\" Target=\"a.xml\"/>") == "'p' - 'a.xml' -");  // x:Id reaches the reader as Id, first
  // A Target's predefined entities are decoded (a safelink's query), wherever they fall.
  CHECK(PlainRel("<Relationship Id=\"r\" Target=\"https://x.gov/?a=1&amp;b=2&amp;c\"/>") ==
        "'r' - 'https://x.gov/?a=1&b=2&c' -");
  CHECK(PlainRel("<Relationship Target='&lt;&gt;&quot;&apos;&amp;' Id='r'/>") == "'r' - '<>\"'&' -");
  const char* const kNotPlain[] = {
      "<Relationship Id=\"r\" Target=\"a.xml\"></Relationship>",          // not an empty element
      "<Relationship Id=\"r\" Target=\"https://x.gov/?a=1&#38;b=2\"/>",   // a character reference
      "<Relationship Id=\"r\" Target=\"https://x.gov/&nbsp;\"/>",         // an entity XML does not define
      "<Relationship Id=\"r\" Target=\"https://x.gov/?a&amp\"/>",         // one cut short
      "<Relationship Id=\"r&amp;\" Target=\"a.xml\"/>",                   // a reference outside Target
      "<Relationship Id=\"r\" Target=\"a&amp;.xml\" Target=\"b.xml\"/>",  // a duplicate
      "<Relationship Id=\"r\" Target=\"https://x.gov/caf\xC3\xA9\"/>",    // non-ASCII
      "<Relationship Id=\"r\" Id=\"s\" Target=\"a.xml\"/>",               // a duplicate
      "<Relationship xmlns=\"urn:x\" Id=\"r\" Target=\"a.xml\"/>",        // a namespace declared
      "<Relationships/>",
      "<RelationshipX Id=\"r\"/>",
      "<Relationship Id=\"r\" Target=\"a.xml\"",
  };
  for (const char* xml : kNotPlain) {
    CAPTURE(xml);
    CHECK(PlainRel(xml) == "");
  }
}

// The relationships as a map, read one way or the other, and the outcome.
std::string Relationships(const std::string& rels, bool in_place) {
  std::unique_ptr<ZipArchive> zip;
  Status s = ZipArchive::OpenBuffer(test::ZipBytes({{"xl/_rels/workbook.xml.rels", rels}}), "book.xlsx", ZipLimits(), &zip);
  if (!s.ok()) return s.message();
  xlsx::Relationships map;
  s = xlsx::ReadRelationships(*zip, "xl/_rels/workbook.xml.rels", "xl/workbook.xml", true, &map, in_place);
  std::string out;
  for (size_t i = 0; i < map.size(); ++i) {
    xlsx::Relationship r = map[i];
    out += std::string(r.id) + " " + std::string(r.type) + " " + std::string(r.target) + (r.external ? " external" : "") + "\n";
  }
  return out + (s.ok() ? "ok" : s.message());
}

// Each document read in place and as XML events: the same outcome; the first gives `first`.
template <size_t N>
void CheckBothWays(const std::string (&documents)[N], std::string (*read)(const std::string&, bool), const std::string& first) {
  for (const std::string& xml : documents) {
    CAPTURE(xml);
    std::string generic = read(xml, false);
    CHECK(read(xml, true) == generic);
    if (&xml == &documents[0]) CHECK(generic == first);
  }
}

TEST_CASE("relationships read in place are the ones the XML reader gives, errors and all") {
  const std::string kOpen = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  const std::string kType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const std::string kCases[] = {
      kOpen + "<Relationship Id=\"rId1\" Type=\"" + kType + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              "\n <Relationship Id=\"rId2\" Type=\"" + kType + "hyperlink\" Target=\"https://x.gov/?a=1&amp;b=2\" "
              "TargetMode=\"External\"/><!-- c --><Relationship Id=\"rId3\" Target=\"../a/./b.xml\"/>"
              "<Relationship Id=\"rId1\" Type=\"" + kType + "styles\" Target=\"/xl/styles.xml\"/>"
              "<Relationship Type=\"" + kType + "styles\" Target=\"no-id.xml\"/><Relationship Id=\"rId4\"/>"
              "<Relationship Id=\"rId5\" Target=\"five.xml\"></Relationship></Relationships>",
      kOpen + "<Relationship Id=\"rId1\" Target=\"a.xml\"/><Relationship Id=\"rId2\" Id=\"rId3\" Target=\"b.xml\"/></Relationships>",
      kOpen + "<Relationship Id=\"rId1\" Target=\"a.xml\"/><Relationship Id=\"rId2\" Target=\"b.xml\"/>",
      kOpen + "<Relationship Id=\"rId1\" Target=\"a.xml\"/>junk</Relationships><x/>",
      kOpen + "<Relationship xmlns:p=\"urn:p\" p:Id=\"rId9\" Id=\"rId1\" Target=\"a.xml\"/></Relationships>",
      kOpen + "<Relationship Id=\"rId1\" Target=\"https://x.gov/?q=&lt;a&gt;&amp;b=&quot;&apos;\" TargetMode=\"External\"/>"
              "<Relationship Id=\"rId2\" Target=\"https://x.gov/?a=1&#38;b=2&#x26;c\" TargetMode=\"External\"/>"
              "<Relationship Id=\"rId3\" Target=\"https://x.gov/&amp\" TargetMode=\"External\"/></Relationships>",
      kOpen + "<Relationship Id=\"rId1\" Target=\"https://x.gov/&bogus;\" TargetMode=\"External\"/></Relationships>",
  };
  CheckBothWays(kCases, Relationships,
                "rId1 styles xl/styles.xml\nrId2 hyperlink https://x.gov/?a=1&b=2 external\nrId3  a/b.xml\nrId5  xl/five.xml\nok");
}

TEST_CASE("a hyperlink as Excel writes it is read in place, its r:id by the relationships prefix") {
  SheetNames names;
  xlsx::PlainHyperlink link;
  std::string xml = "<hyperlink ref=\"D2\" r:id=\"rId1522\" xr:uid=\"{5F4B-11}\"/>";
  std::string two = xml + "<hyperlink/>";  // (the views point into it)
  CHECK(xlsx::ReadPlainHyperlink(two, names, &link) == xml.size());
  CHECK(Shown(link.ref) + " " + Shown(link.rel_id) == "'D2' 'rId1522'");
  CHECK(xlsx::ReadPlainHyperlink("<hyperlink ref=\"A1\" x:id=\"rId1\"/>", names, &link) > 0);
  CHECK(Shown(link.rel_id) == "-");  // id outside the relationships namespace is not r:id
  for (const char* not_plain : {"<hyperlink ref=\"A1\" r:id=\"rId1\"></hyperlink>", "<hyperlink ref=\"A1\" display=\"a&amp;b\"/>",
                                "<hyperlink ref=\"A1\" r:id=\"rId1\" r:id=\"rId2\"/>", "<hyperlinks/>", "<hyperlink ref=\"A1\""}) {
    CAPTURE(not_plain);
    CHECK(xlsx::ReadPlainHyperlink(not_plain, names, &link) == 0);
  }
}

TEST_CASE("hyperlinks read in place are the ones the XML reader gives, whatever the relationships prefix") {
  const std::string kNs = "http://schemas.openxmlformats.org/";
  const std::string kRows =
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row><row r=\"3\"/>";
  const std::string kTails[] = {
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\" xr:uid=\"{1}\"/>\n<hyperlink ref=\"B2:C3\" r:id=\"rId2\"/>"
      "<!-- c --><hyperlink ref=\"A2\" r:id=\"rId2\" display=\"a&amp;b\"/><hyperlink ref=\"A3\" location=\"x\"/>"
      "<hyperlink ref=\"A1\" r:id=\"rId2\"/></hyperlinks>",
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"></hyperlink><hyperlink ref=\"A2\" r:id=\"rId9\"/></hyperlinks>",
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\" r:id=\"rId2\"/></hyperlinks>",
      "<hyperlinks><hyperlink ref=\"A1\" x:id=\"rId1\" xmlns:x=\"urn:x\"/><hyperlink ref=\"A2\" id=\"rId2\"/></hyperlinks>",
      // what follows plain hyperlinks, which the rows' pass steps over: checked all the same
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/><hyperlink ref=\"A2\" r:id=\"rId2\"/>junk<</hyperlinks>",
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/></hyperlinks><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells>",
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/><row r=\"9\"><c r=\"A9\"><v>9</v></c></row></hyperlinks>",
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/><hyperlink ref=\"A2\" r:id=",
  };
  for (const std::string& tail : kTails) {
    for (const char* prefix : {"r", "rel"}) {  // the relationships namespace under another prefix
      std::string sheet = test::SheetXml(kRows, tail);
      if (std::string(prefix) != "r") {
        for (size_t at; (at = sheet.find(" r:id=")) != std::string::npos;) sheet.replace(at, 6, " rel:id=");
        sheet.replace(sheet.find("xmlns:r="), 8, "xmlns:rel=");
      }
      CAPTURE(sheet);
      test::Parts parts = test::MinimalWorkbook(sheet);
      parts.emplace_back("xl/worksheets/_rels/sheet1.xml.rels",
                         "<Relationships xmlns=\"" + kNs + "package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"" + kNs + "officeDocument/2006/relationships/hyperlink\" "
                         "Target=\"https://x.gov/one.pdf\" TargetMode=\"External\"/>"
                         "<Relationship Id=\"rId2\" Type=\"" + kNs + "officeDocument/2006/relationships/hyperlink\" "
                         "Target=\"https://x.gov/two.pdf\" TargetMode=\"External\"/></Relationships>");
      std::string bytes = test::ZipBytes(parts);
      std::string generic = ReadBothWays(bytes, false);
      CHECK(ReadBothWays(bytes, true) == generic);
      if (&tail == &kTails[0]) CHECK(generic.find("A1=2/1/1.000000 <https://x.gov/one.pdf>") != std::string::npos);
    }
  }
}

// The shared strings read one way or the other, one a line, and the outcome.
std::string SharedStringsRead(const std::string& sst, bool in_place) {
  std::unique_ptr<ZipArchive> zip;
  Status s = ZipArchive::OpenBuffer(test::ZipBytes({{"xl/sharedStrings.xml", sst}}), "book.xlsx", ZipLimits(), &zip);
  if (!s.ok()) return s.message();
  xlsx::SharedStrings strings;
  s = xlsx::ReadSharedStrings(*zip, "xl/sharedStrings.xml", &strings, in_place);
  std::string out;
  for (size_t i = 0; i < strings.size(); ++i) out += "[" + std::string(strings[i]) + "]\n";
  return out + (s.ok() ? "ok" : s.message());
}

TEST_CASE("shared strings read in place are the ones the XML reader gives, errors and all") {
  SheetNames names;
  std::string_view text;
  CHECK(xlsx::ReadPlainSharedString("<si><t xml:space=\"preserve\"> A's \"B\"\n</t></si>", names, &text) > 0);
  CHECK(text == " A's \"B\"\n");
  for (const char* not_plain : {"<si><t>caf\xC3\xA9</t></si>", "<si><t>a&amp;b</t></si>", "<si><r><t>a</t></r></si>",
                                "<si><t>a</t><rPh><t>b</t></rPh></si>", "<si><t/></si>", "<si><t>a</t>", "<si><t>a\r</t></si>"}) {
    CAPTURE(not_plain);
    CHECK(xlsx::ReadPlainSharedString(not_plain, names, &text) == 0);
  }
  const std::string kOpen = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"9\">";
  const std::string kCases[] = {
      kOpen + "<si><t>STATE</t></si>\n<si><t xml:space=\"preserve\">Autauga County </t></si><si><t>caf\xC3\xA9</t></si>"
              "<si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r></si><!-- c --><si><t>a&amp;b</t></si>"
              "<si><t>kept</t><rPh><t>PHONETIC</t></rPh></si><si><t></t></si><si/><si><t>last</t></si></sst>",
      kOpen + "<si><t>one</t></si><si><t>two</t></si><si><t>\x01</t></si></sst>",
      kOpen + "<si><t>one</t></si><si><t>two</t></si>",
      kOpen + "<si><t>one</t></si><t>stray</t><si><t>two</t></si></sst>",
  };
  CheckBothWays(kCases, SharedStringsRead, "[STATE]\n[Autauga County ]\n[caf\xC3\xA9]\n[Rich text]\n[a&b]\n[kept]\n[]\n[]\n[last]\nok");
}

// `parts` zipped without compression, so that a part is read in chunks as
// it streams (only deflated parts are inflated whole).
std::string StoredZipBytes(const test::Parts& parts) {
  test::TempDir dir;
  std::string path = dir.File("stored.xlsx");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& [name, content] : parts) {
    void* copy = std::malloc(content.size() + 1);
    std::copy(content.begin(), content.end(), static_cast<char*>(copy));
    zip_source_t* src = zip_source_buffer(z, copy, content.size(), 1);
    zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    REQUIRE(index >= 0);
    REQUIRE(zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) == 0);
  }
  REQUIRE(zip_close(z) == 0);
  return test::ReadFile(path);
}

TEST_CASE("rows cut by the chunks of a streamed sheet are read by the XML reader, the rest in place, the same rows") {
  std::string rows;
  for (int r = 1; r <= 6000; ++r) {  // about 600 KB: ten chunks of 64 KB
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A" + n + "\" t=\"str\"><v>agency " + n +
            " of a long name, to be cut somewhere</v></c><c r=\"B" + n + "\" s=\"1\"><v>" + std::to_string(45000 + r) +
            "</v></c><c r=\"C" + n + "\"/></row>";
  }
  std::string sheet = test::SheetXml(rows);
  sheet.replace(sheet.find("<worksheet "), 11,
                "<worksheet xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" ");
  std::string bytes = StoredZipBytes(test::MinimalWorkbook(sheet));
  SheetSummary in_place, generic;
  std::string want = ReadBothWays(bytes, false, -1, &generic);
  REQUIRE(want.ends_with("ok"));
  CHECK(ReadBothWays(bytes, true, -1, &in_place) == want);
  CHECK(in_place.rows == 6000);
  CHECK(in_place.rows_in_place < 6000);         // a row cut by a chunk's end goes to the XML reader...
  CHECK(in_place.rows_in_place > 6000 - 20);    // ...one a chunk, no more
  CHECK(ReadBothWays(bytes, true, 3001) == ReadBothWays(bytes, false, 3001));  // stopped mid-sheet
}

}  // namespace
}  // namespace icetrack
