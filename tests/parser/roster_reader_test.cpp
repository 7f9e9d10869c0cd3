#include <doctest/doctest.h>

#include <set>

#include "parser/roster_reader.h"

#include <memory>
#include "tests/support/ice_workbook.h"
#include "tests/support/temp_dir.h"
#include "tests/support/text_rows.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

Roster Read(const test::IceWorkbook& book, Status* status = nullptr) {
  test::TempDir dir;
  test::WriteIceWorkbook(dir.File("book.xlsx"), book);
  Roster roster;
  Status s = ReadRosterBuffer(test::ReadFile(dir.File("book.xlsx")), "book.xlsx", ZipLimits(), &roster);
  if (status) *status = s;
  else REQUIRE_MESSAGE(s.ok(), s.message());
  return roster;
}

bool Warned(const Roster& r, int row, const std::string& part) {
  for (const Warning& w : r.warnings) {
    if (w.row == row && w.message.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("a participating workbook is normalized row by row") {
  test::IceWorkbook book;
  test::IceRow r = test::Row("FLORIDA ", " Polk County  Sheriff's Office", "Jail Enforcement Model ",
                             test::Serial(2025, 2, 26), "https:/www.ice.gov/doclib/287gMOA/Polk_JEM.pdf");
  r.county = "#NA";
  r.addendum_url = "https://www.ice.gov/doclib/287gMOA/Polk_addendum.pdf";
  book.rows = {r};
  Roster roster = Read(book);
  CHECK(roster.kind == ListKind::Participating);
  CHECK(roster.sheet == "Sheet1");
  REQUIRE(roster.rows.size() == 1);
  const RosterRow& row = roster.rows[0];
  CHECK(row.source_row == 2);
  CHECK(row.state == "FLORIDA");
  CHECK(row.state_code == "FL");
  CHECK(row.agency == "Polk County Sheriff's Office");
  CHECK(row.agency_type == "County");
  CHECK(row.county == "");
  CHECK(row.model == Model::JEM);
  CHECK(row.model_raw == "Jail Enforcement Model");
  CHECK(row.signed_date == "2025-02-26");
  CHECK(row.moa_status == LinkStatus::Link);
  CHECK(row.moa_url == "https://www.ice.gov/doclib/287gMOA/Polk_JEM.pdf");
  CHECK(row.addendum_url == "https://www.ice.gov/doclib/287gMOA/Polk_addendum.pdf");
  CHECK(row.key == "FL|polk county sheriffs office|JEM");
  CHECK(roster.warnings.empty());
}

TEST_CASE("the list is decided by its columns, not the sheet or file name") {
  test::IceWorkbook pending;
  pending.participating = false;
  pending.sheet = "Sheet 1";
  pending.rows = {test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model")};
  Roster roster = Read(pending);
  CHECK(roster.kind == ListKind::Pending);
  CHECK(roster.sheet == "Sheet 1");
  CHECK(roster.rows[0].signed_date == "");
}

TEST_CASE("typos are read, warned about, and never guessed") {
  test::IceWorkbook book;
  test::IceRow a = test::Row("PENNSLYVANIA", "A Police", "Warrant Service Office");
  a.type = "Muncipality";
  test::IceRow b = test::Row("ATLANTIS", "B Police", "Harbor Patrol Model");
  b.signed_text = "5/31/20026";
  b.type = "Tribal";
  test::IceRow c = test::Row("OHIO", "C Police", "TFM");
  c.signed_text = "7/72025";
  test::IceRow d = test::Row("N. Carolina", "D Police", "287(g) Jail Enforcment Program");
  test::IceRow e = test::Row("OHIO", "E Police", "");
  test::IceRow f = test::Row("OHIO", "F Police", "TBD");
  book.rows = {a, b, c, d, e, f};
  Roster roster = Read(book);
  REQUIRE(roster.rows.size() == 6);
  CHECK(roster.rows[3].state_code == "NC");
  CHECK(roster.rows[3].model == Model::JEM);
  CHECK(roster.rows[3].key == "NC|d police|JEM");
  CHECK(Warned(roster, 5, "\"N. Carolina\" read as NC"));
  CHECK(roster.rows[4].model == Model::Unknown);
  CHECK(Warned(roster, 6, "no model"));
  CHECK(roster.rows[5].model == Model::Unknown);
  CHECK(roster.rows[5].key == "OH|f police|?tbd");  // unknown, and visibly so
  CHECK(Warned(roster, 7, "unknown model \"TBD\""));
  CHECK(roster.rows[0].state_code == "PA");
  CHECK(roster.rows[0].model == Model::WSO);
  CHECK(roster.rows[0].agency_type == "Municipality");
  CHECK(Warned(roster, 2, "\"PENNSLYVANIA\" read as PA"));
  CHECK(roster.rows[1].state_code == "");
  CHECK(roster.rows[1].model == Model::Unknown);
  CHECK(roster.rows[1].model_raw == "Harbor Patrol Model");
  CHECK(roster.rows[1].signed_date == "");
  CHECK(roster.rows[1].signed_raw == "5/31/20026");
  CHECK(roster.rows[1].agency_type == "Tribal");
  CHECK(Warned(roster, 3, "unknown state \"ATLANTIS\""));
  CHECK(Warned(roster, 3, "unknown model"));
  CHECK(Warned(roster, 3, "\"5/31/20026\" is not a date"));
  CHECK(Warned(roster, 3, "unknown agency type"));
  CHECK(roster.rows[2].signed_date == "2025-07-07");
  for (const Warning& w : roster.warnings) CHECK(!w.column.empty());
}

TEST_CASE("unknown columns are kept — other sheets are named as ignored") {
  test::IceWorkbook book;
  book.extra_columns = {"NOTES"};
  book.sheets_after = {"Sheet2"};
  book.trailing_blank_rows = 20;
  book.inline_strings = true;
  book.rows = {test::Row("IOWA", "Polk County Sheriff's Office", "JEM")};
  Status s;
  test::TempDir dir;
  test::WriteIceWorkbook(dir.File("x.xlsx"), book);
  // Put a value in the NOTES column by hand: libxlsxwriter wrote it empty.
  test::Parts parts = test::ReadZipParts(dir.File("x.xlsx"));
  for (auto& [name, content] : parts) {
    if (name != "xl/worksheets/sheet1.xml") continue;
    size_t row2 = content.find("<row r=\"2\"");
    size_t end = content.find("</row>", row2);
    content.insert(end, "<c r=\"I2\" t=\"inlineStr\"><is><t>renewed</t></is></c><c r=\"K2\" t=\"inlineStr\"><is><t>stray</t></is></c>");
  }
  test::WriteZip(dir.File("y.xlsx"), parts);
  Roster roster;
  REQUIRE(ReadRosterBuffer(test::ReadFile(dir.File("y.xlsx")), "book.xlsx", ZipLimits(), &roster).ok());
  REQUIRE(roster.rows.size() == 1);
  REQUIRE(roster.rows[0].extra.size() == 2);
  CHECK(roster.rows[0].extra[0] == std::make_pair(std::string("NOTES"), std::string("renewed")));
  CHECK(roster.rows[0].extra[1] == std::make_pair(std::string("column K"), std::string("stray")));
  REQUIRE(roster.ignored_sheets.size() == 1);
  CHECK(roster.ignored_sheets[0] == "Sheet2");
}

TEST_CASE("two rows with one key are kept apart and reported") {
  test::IceWorkbook book;
  book.rows = {test::Row("OHIO", "Butler County Sheriff's Office", "JEM", test::Serial(2025, 3, 1)),
               test::Row("OHIO", "BUTLER COUNTY SHERIFF\xE2\x80\x99S OFFICE", "Jail Enforcement Model",
                         test::Serial(2024, 3, 1))};
  Roster roster = Read(book);
  REQUIRE(roster.rows.size() == 2);
  CHECK(roster.rows[1].key == "OH|butler county sheriffs office|JEM");
  CHECK(roster.rows[0].key == "OH|butler county sheriffs office|JEM#2");
  CHECK(Warned(roster, 2, "same agency and model as row 3"));
}

// Everything a sink receives, as one Roster, and how often rows came.
struct Recorded : RosterSink {
  Roster roster;
  int begins = 0, ends = 0;
  void Begin(const RosterHeader& header) override {
    ++begins;
    static_cast<RosterHeader&>(roster) = header;
  }
  void Row(RosterRow&& row) override { roster.rows.push_back(std::move(row)); }
  void End(const std::vector<Warning>& warnings) override {
    ++ends;
    roster.warnings = warnings;
  }
};

std::string Describe(const Roster& r) {
  std::string out = std::string(ToString(r.kind)) + " " + r.sheet + " " + std::to_string(r.header_row) + "\n";
  for (const RosterRow& row : r.rows)
    out += std::to_string(row.source_row) + " " + row.key + " " + row.agency + " " + row.signed_date + " " +
           row.moa_url + "\n";
  for (const Warning& w : r.warnings) out += "w " + std::to_string(w.row) + " " + w.column + " " + w.message + "\n";
  return out;
}

TEST_CASE("a sheet too large to hold is read again, to the same rows, keys and warnings") {
  test::IceWorkbook book;
  for (int i = 0; i < 40; ++i) {
    // Every seventh agency twice, the later copy signed earlier (so the
    // later one keeps the bare key); a typo now and then for warnings.
    std::string agency = i % 7 == 0 ? "Agency D" + std::to_string(i / 14) : "Agency " + std::to_string(i);
    book.rows.push_back(test::Row(i % 5 == 0 ? "TEXSA" : "TEXAS", agency, "Jail Enforcement Model",
                                  test::Serial(2025, 1 + i % 12, 28 - i % 20)));
  }
  test::TempDir dir;
  test::WriteIceWorkbook(dir.File("big.xlsx"), book);
  std::unique_ptr<XlsxReader> workbook;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("big.xlsx")), "big.xlsx", ZipLimits(), &workbook).ok());
  Roster held;
  REQUIRE(ReadRoster(*workbook, &held).ok());
  REQUIRE(held.rows.size() == 40);
  int apart = 0;
  for (const RosterRow& row : held.rows) apart += row.key.find('#') != std::string::npos;
  REQUIRE(apart > 0);  // the case that needs every row sharing a key
  for (size_t kept : {size_t{0}, size_t{1}, size_t{3}, size_t{39}, size_t{40}, size_t{1000}}) {
    CAPTURE(kept);
    Recorded streamed;
    REQUIRE(ReadRoster(*workbook, &streamed, kept).ok());
    CHECK(streamed.begins == 1);
    CHECK(streamed.ends == 1);
    CHECK(Describe(streamed.roster) == Describe(held));
  }
}

TEST_CASE("a sheet too large to hold tells apart the two agreements of a row that lists two models") {
  // A row is two agreements, with one source row; found by review: the rows
  // kept apart were looked up by source row, so both got the first one's key.
  test::IceWorkbook book;
  for (int year : {2025, 2024, 2023})
    book.rows.push_back(
        test::Row("OHIO", "Butler County Sheriff's Office", "Jail & Task Force", test::Serial(year, 3, 1)));
  for (int i = 0; i < 5; ++i)
    book.rows.push_back(
        test::Row("OHIO", "Agency " + std::to_string(i), "Jail Enforcement Model", test::Serial(2025, 1, 1)));
  test::TempDir dir;
  test::WriteIceWorkbook(dir.File("two.xlsx"), book);
  std::unique_ptr<XlsxReader> workbook;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("two.xlsx")), "two.xlsx", ZipLimits(), &workbook).ok());
  Roster held;
  REQUIRE(ReadRoster(*workbook, &held).ok());
  REQUIRE(held.rows.size() == 11);
  std::set<std::string> keys;
  for (const RosterRow& row : held.rows) keys.insert(row.key);
  CHECK(keys.size() == 11);
  CHECK(keys.count("OH|butler county sheriffs office|TFM#3") == 1);
  for (size_t kept : {size_t{0}, size_t{2}, size_t{10}}) {
    CAPTURE(kept);
    Recorded streamed;
    REQUIRE(ReadRoster(*workbook, &streamed, kept).ok());
    CHECK(Describe(streamed.roster) == Describe(held));
  }
}

TEST_CASE("a sheet too large to hold, of one row many times, numbers the copies in sheet order") {
  // The copies are held as one row and their places (a million copies took
  // 1 GB, now a third of that, most of it their warnings).
  test::IceWorkbook book;
  for (int i = 0; i < 30; ++i)
    book.rows.push_back(test::Row("OHIO", "Butler County Sheriff's Office", "JEM", test::Serial(2025, 3, 1)));
  book.rows.push_back(test::Row("OHIO", "Butler County Sheriff's Office", "JEM", test::Serial(2024, 3, 1)));
  test::TempDir dir;
  test::WriteIceWorkbook(dir.File("same.xlsx"), book);
  std::unique_ptr<XlsxReader> workbook;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("same.xlsx")), "same.xlsx", ZipLimits(), &workbook).ok());
  Roster held;
  REQUIRE(ReadRoster(*workbook, &held).ok());
  REQUIRE(held.rows.size() == 31);
  CHECK(held.rows[30].key == "OH|butler county sheriffs office|JEM");  // signed first: first in content order
  CHECK(held.rows[0].key == "OH|butler county sheriffs office|JEM#2");
  CHECK(held.rows[29].key == "OH|butler county sheriffs office|JEM#31");
  REQUIRE(held.warnings.size() == 30);
  CHECK(held.warnings[0].message == "same agency and model as row 32 (key OH|butler county sheriffs office|JEM); "
                                    "kept apart as OH|butler county sheriffs office|JEM#2");
  Recorded streamed;
  REQUIRE(ReadRoster(*workbook, &streamed, 0).ok());
  CHECK(Describe(streamed.roster) == Describe(held));
}

TEST_CASE("a sheet that fails is never half delivered") {
  // Row 30 holds a shared-string index that does not exist: the first pass
  // finds it before anything reaches the sink, held or streamed.
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>STATE</t></is></c>"
                     "<c r=\"B1\" t=\"inlineStr\"><is><t>LAW ENFORCEMENT AGENCY</t></is></c></row>";
  for (int r = 2; r < 40; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>OHIO</t></is></c><c r=\"B" + n +
            (r == 30 ? "\" t=\"s\"><v>7</v></c></row>" : "\" t=\"inlineStr\"><is><t>Agency " + n + "</t></is></c></row>");
  }
  test::TempDir dir;
  test::WriteZip(dir.File("bad.xlsx"), test::MinimalWorkbook(test::SheetXml(rows)));
  std::unique_ptr<XlsxReader> workbook;
  REQUIRE(XlsxReader::OpenBuffer(test::ReadFile(dir.File("bad.xlsx")), "bad.xlsx", ZipLimits(), &workbook).ok());
  for (size_t kept : {size_t{5}, kKeptRows}) {
    CAPTURE(kept);
    Recorded sink;
    Status s = ReadRoster(*workbook, &sink, kept);
    CHECK(s.message().find("cell B30: shared string 7 does not exist") != std::string::npos);
    CHECK(sink.begins == 0);
    CHECK(sink.roster.rows.empty());
  }
}

TEST_CASE("a header with no rows is an empty roster — a sheet with no header is an error") {
  test::IceWorkbook empty;
  Roster roster = Read(empty);
  CHECK(roster.rows.empty());
  CHECK(roster.kind == ListKind::Participating);

  test::TempDir dir;
  std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  test::WriteZip(dir.File("totals.xlsx"), test::MinimalWorkbook(
      "<worksheet xmlns=\"" + ns + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Totals</t></is></c></row>"
      "</sheetData></worksheet>"));
  Status s = ReadRosterBuffer(test::ReadFile(dir.File("totals.xlsx")), dir.File("totals.xlsx"), ZipLimits(), &roster);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == dir.File("totals.xlsx") +
        ": xl/worksheets/sheet1.xml: no roster header (STATE and LAW ENFORCEMENT AGENCY columns) in the first 10 rows of any sheet");
}

TEST_CASE("the header may follow title rows") {
  test::TempDir dir;
  std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  auto cell = [](const char* ref, const char* text) {
    return std::string("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  };
  test::WriteZip(dir.File("titled.xlsx"), test::MinimalWorkbook(
      "<worksheet xmlns=\"" + ns + "\"><sheetData>"
      "<row r=\"1\">" + cell("A1", "287(g) Pending Agencies") + "</row>"
      "<row r=\"3\">" + cell("A3", "State") + cell("B3", "Agency") + cell("C3", "Model") + "</row>"
      "<row r=\"4\">" + cell("A4", "Utah") + cell("B4", "Utah County Sheriff") + cell("C4", "TFM") + "</row>"
      "</sheetData></worksheet>"));
  Roster roster;
  REQUIRE(ReadRosterBuffer(test::ReadFile(dir.File("titled.xlsx")), "book.xlsx", ZipLimits(), &roster).ok());
  CHECK(roster.header_row == 3);
  CHECK(roster.kind == ListKind::Pending);
  REQUIRE(roster.rows.size() == 1);
  CHECK(roster.rows[0].key == "UT|utah county sheriff|TFM");
}

using test::TextRow;

Roster Build(const std::vector<TableRow>& rows) {
  RosterBuilder builder;
  for (const TableRow& row : rows) builder.Add(row);
  REQUIRE(builder.has_header());
  Roster roster;
  builder.Finish(&roster);
  return roster;
}

TEST_CASE("a row that lists two models is two agreements, one key each") {
  Roster roster = Build({TextRow(1, {"STATE", "AGENCY", "SUPPORT TYPE", "SIGNED"}),
                         TextRow(2, {"AZ", "Pima County Sheriff's Office", "Jail & Task Force", "10/16/2009"}),
                         TextRow(3, {"AZ", "Maricopa County Sheriff's Office", "Jail Enforcement", "10/16/2009"}),
                         TextRow(4, {"AZ", "Mesa Police Department", "Jail & Detention", "10/16/2009"})});
  REQUIRE(roster.rows.size() == 4);
  CHECK(roster.rows[0].key == "AZ|pima county sheriffs office|TFM");
  CHECK(roster.rows[1].key == "AZ|pima county sheriffs office|JEM");
  for (int i : {0, 1}) {
    CHECK(roster.rows[static_cast<size_t>(i)].source_row == 2);
    CHECK(roster.rows[static_cast<size_t>(i)].model_raw == "Jail & Task Force");
    CHECK(roster.rows[static_cast<size_t>(i)].signed_date == "2009-10-16");
  }
  CHECK(roster.rows[2].model == Model::JEM);
  CHECK(roster.rows[3].model == Model::Unknown);  // one part names no model: not guessed
  CHECK(Warned(roster, 4, "unknown model \"Jail & Detention\""));
  CHECK_FALSE(Warned(roster, 2, "model"));
}

TEST_CASE("without a model column, the heading a table sits under names its model") {
  Roster roster = Build({TextRow(1, {"State", "Law Enforcement Agency", "Signed"}, "Task Force Model"),
                         TextRow(2, {"AL", "Alabama Department of Public Safety", "9/10/2003"}, "Task Force Model"),
                         TextRow(3, {"GA", "Cobb County Sheriff's Office", "2/13/2007"}, "Participating agencies")});
  REQUIRE(roster.rows.size() == 2);
  CHECK(roster.rows[0].model == Model::TFM);
  CHECK(roster.rows[0].model_raw == "Task Force Model");
  CHECK(roster.rows[1].model == Model::Unknown);
  CHECK(roster.rows[1].model_raw.empty());  // a heading that names no model is not the row's
  CHECK(roster.rows[1].key == "GA|cobb county sheriffs office|?");
  // A model column says it; the heading is not read then.
  Roster columned = Build({TextRow(1, {"STATE", "AGENCY", "MODEL", "SIGNED"}, "Task Force Model"),
                           TextRow(2, {"AL", "Etowah County Sheriff's Office", "", "7/8/2008"}, "Task Force Model")});
  CHECK(columned.rows[0].model == Model::Unknown);
  CHECK(Warned(columned, 2, "no model"));
}

}  // namespace
}  // namespace icetrack
