#include "tests/fuzz/workbook_checks.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/text_fold.h"
#include "model/utc_time.h"
#include "parser/roster_reader.h"
#include "parser/xlsx_parts.h"
#include "parser/zip_archive.h"
#include "parser/xlsx_reader.h"
#include "tests/fuzz/fuzz_check.h"

namespace icetrack::fuzz {
namespace {

const char kLabel[] = "fuzz.xlsx";

void CheckMessage(const Status& s) {
  FUZZ_CHECK(!s.message().empty());
  FUZZ_CHECK(s.message().rfind(kLabel, 0) == 0);  // names the archive first
  FUZZ_CHECK(s.message().find('\n') == std::string::npos);  // one line
}

// A row as one line, to compare two reads.
std::string Shown(const TableRow& row) {
  std::string out = std::to_string(row.row);
  for (const Cell& c : row.cells)
    out += " " + std::to_string(c.column) + "/" + std::to_string(static_cast<int>(c.kind)) + "/" +
           std::string(c.Text()) + "/" + std::to_string(c.number) + (c.is_date ? "/d/" : "//") + c.hyperlink;
  return out;
}

// Every delivered row: ascending, in bounds, cells ascending, each with a
// value or a link; and the same rows, summary and outcome when no row is
// read in place (parser/plain_markup.h).
int CheckSheet(XlsxReader& book, size_t sheet) {
  int last_row = 0, rows = 0;
  std::vector<std::string> shown;
  SheetSummary summary;
  Status s = book.ReadSheet(sheet, [&](const TableRow& row) {
    FUZZ_CHECK(row.row > last_row && row.row <= 1048576);
    last_row = row.row;
    FUZZ_CHECK(!row.cells.empty());
    int last_column = -1;
    for (const Cell& cell : row.cells) {
      FUZZ_CHECK(cell.column > last_column && cell.column < 16384);
      last_column = cell.column;
      FUZZ_CHECK(cell.kind != CellKind::Empty || !cell.hyperlink.empty());
      FUZZ_CHECK(IsValidUtf8(cell.Text()) && IsValidUtf8(cell.hyperlink));
    }
    shown.push_back(Shown(row));
    ++rows;
    return true;
  }, &summary);
  if (!s.ok()) CheckMessage(s);
  else FUZZ_CHECK(summary.rows == rows);
  FUZZ_CHECK(summary.rows_in_place <= summary.rows);

  book.set_plain_markup(false);
  std::vector<std::string> generic;
  SheetSummary generic_summary;
  Status again = book.ReadSheet(sheet, [&](const TableRow& row) {
    generic.push_back(Shown(row));
    return true;
  }, &generic_summary);
  book.set_plain_markup(true);
  FUZZ_CHECK(again.message() == s.message());
  FUZZ_CHECK(generic == shown);
  FUZZ_CHECK(generic_summary.rows == summary.rows && generic_summary.rows_in_place == 0);
  FUZZ_CHECK(generic_summary.dimension == summary.dimension && generic_summary.merged_ranges == summary.merged_ranges);
  return s.ok() ? rows : -1;
}

// A roster as a sink receives it, to compare.
struct Streamed : RosterSink {
  Roster roster;
  int begins = 0;
  void Begin(const RosterHeader& header) override {
    ++begins;
    static_cast<RosterHeader&>(roster) = header;
  }
  void Row(RosterRow&& row) override { roster.rows.push_back(std::move(row)); }
  void End(const std::vector<Warning>& warnings) override { roster.warnings = warnings; }
};

bool SameRows(const Roster& a, const Roster& b) {
  if (a.kind != b.kind || a.sheet != b.sheet || a.header_row != b.header_row || a.rows.size() != b.rows.size() ||
      a.warnings.size() != b.warnings.size())
    return false;
  for (size_t i = 0; i < a.rows.size(); ++i) {
    const RosterRow &x = a.rows[i], &y = b.rows[i];
    if (x.source_row != y.source_row || x.key != y.key || x.agency != y.agency || x.moa_url != y.moa_url ||
        x.signed_date != y.signed_date || x.signed_raw != y.signed_raw || x.state_code != y.state_code)
      return false;
  }
  for (size_t i = 0; i < a.warnings.size(); ++i) {
    if (a.warnings[i].row != b.warnings[i].row || a.warnings[i].message != b.warnings[i].message) return false;
  }
  return true;
}

void CheckRoster(const XlsxReader& book, int rows_in_first_sheets) {
  Roster roster;
  Status s = ReadRoster(book, &roster);
  // Streamed, a sheet of more than one row is read again (keys, rows sharing
  // one, rows): the same outcome, the same rows, keys and warnings.
  Streamed streamed;
  Status again = ReadRoster(book, &streamed, 1);
  FUZZ_CHECK(again.ok() == s.ok());
  FUZZ_CHECK(again.message() == s.message());
  FUZZ_CHECK(streamed.begins == (s.ok() ? 1 : 0));
  if (s.ok()) FUZZ_CHECK(SameRows(roster, streamed.roster));
  if (!s.ok()) return CheckMessage(s);
  FUZZ_CHECK(roster.header_row >= 1);
  std::set<std::string> keys;
  int last = roster.header_row, sheet_rows = 0, of_last = 0;
  for (const RosterRow& row : roster.rows) {
    // Rows in sheet order, below the header; a row listing two models is two
    // agreements of one sheet row, and it names three models at most.
    FUZZ_CHECK(row.source_row >= last && row.source_row > roster.header_row);
    of_last = row.source_row == last ? of_last + 1 : 1;
    FUZZ_CHECK(of_last <= 3);
    sheet_rows += row.source_row != last;
    last = row.source_row;
    FUZZ_CHECK(!row.key.empty() && keys.insert(row.key).second);  // kept apart, never merged
    FUZZ_CHECK(row.state_code.empty() || (row.state_code.size() == 2 && std::isupper(row.state_code[0]) &&
                                          std::isupper(row.state_code[1])));
    UtcTime t;
    FUZZ_CHECK(row.signed_date.empty() || ParseIsoTime(row.signed_date + "T00:00:00Z", &t));
    for (const std::string* text : {&row.state, &row.agency, &row.county, &row.model_raw, &row.signed_raw,
                                    &row.moa_url, &row.addendum_url, &row.key})
      FUZZ_CHECK(IsValidUtf8(*text));
  }
  FUZZ_CHECK(rows_in_first_sheets < 0 || sheet_rows < rows_in_first_sheets);  // never more rows than the sheet
}

// The parts read at open, shared strings and the workbook's relationships,
// give the same strings, the same relationships and the same outcome read
// in place or as XML events (parser/plain_markup.h).
void CheckPartsReadInPlace(const std::string& bytes, const ZipLimits& limits) {
  std::unique_ptr<ZipArchive> zip;
  if (!ZipArchive::OpenBuffer(bytes, kLabel, limits, &zip).ok()) return;
  xlsx::SharedStrings plain, generic;
  Status a = xlsx::ReadSharedStrings(*zip, "xl/sharedStrings.xml", &plain, true);
  Status b = xlsx::ReadSharedStrings(*zip, "xl/sharedStrings.xml", &generic, false);
  FUZZ_CHECK(a.message() == b.message() && plain.size() == generic.size());
  for (size_t i = 0; i < plain.size(); ++i) FUZZ_CHECK(plain[i] == generic[i]);
  xlsx::Relationships plain_rels, generic_rels;
  a = xlsx::ReadRelationships(*zip, "xl/_rels/workbook.xml.rels", "xl/workbook.xml", false, &plain_rels, true);
  b = xlsx::ReadRelationships(*zip, "xl/_rels/workbook.xml.rels", "xl/workbook.xml", false, &generic_rels, false);
  FUZZ_CHECK(a.message() == b.message() && plain_rels.size() == generic_rels.size());
  for (size_t i = 0; i < plain_rels.size(); ++i) {
    xlsx::Relationship x = plain_rels[i], y = generic_rels[i];
    FUZZ_CHECK(x.id == y.id && x.type == y.type && x.target == y.target && x.external == y.external);
  }
}

}  // namespace

void CheckWorkbook(std::string bytes) {
  std::unique_ptr<XlsxReader> book;
  ZipLimits limits;
  limits.max_part_bytes = 64u << 20;  // within libFuzzer's memory limit
  limits.max_total_bytes = 256u << 20;
  CheckPartsReadInPlace(bytes, limits);
  Status s = XlsxReader::OpenBuffer(std::move(bytes), kLabel, limits, &book);
  if (!s.ok()) return CheckMessage(s);
  FUZZ_CHECK(!book->sheets().empty());
  int rows = 0;
  for (size_t i = 0; i < book->sheets().size(); ++i) {
    int n = CheckSheet(*book, i);
    rows = rows < 0 || n < 0 ? -1 : rows + n;
  }
  CheckRoster(*book, rows);
}

}  // namespace icetrack::fuzz
