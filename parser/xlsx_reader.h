// XlsxReader: a streaming reader of .xlsx workbooks (libzip, and XmlScanner
// or expat for the XML: parser/xml_stream.h).
//
// Promises: finds sheets through xl/workbook.xml and its relationships, in
// workbook order and with their exact names; reads shared strings (plain and
// rich text), inline strings, formula strings, booleans, errors and numbers;
// marks numbers whose style is a date format; gives each cell the URL of its
// hyperlink; skips rows without any value. Rows are streamed: memory grows
// with the shared strings, the hyperlinks and one row, not with the sheet.
// Refuses, with one line naming the archive, part and position: non-zip bytes
// (an HTML page is named as such), truncated archives, missing parts,
// malformed XML, DOCTYPE/entities, zip bombs (see ZipLimits), numbers out of
// the sheet's bounds, and sheets that would cause more work than SheetLimits.
// Never throws; never writes anything.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/status.h"
#include "model/table.h"
#include "parser/zip_archive.h"

namespace icetrack {

struct SheetInfo {
  std::string name;  // as in the workbook, e.g. "Sheet 1"
  std::string part;  // e.g. "xl/worksheets/sheet1.xml"
};

struct SheetSummary {
  std::string dimension;                   // <dimension ref>, e.g. "A1:M1854"
  std::vector<std::string> merged_ranges;  // e.g. "A1:C1"
  int hyperlinks = 0;                      // hyperlinks with a URL target
  int rows = 0;                            // rows delivered
  int rows_in_place = 0;                   // of them, read in place (parser/plain_markup.h)
};

// The total work one sheet may cause, whatever its size on disk: a 30 KB
// part can name a million cells, point them all at one long string, or
// cover the sheet with hyperlinks. Over a limit, ReadSheet fails (never a
// silent cut). The defaults are far above ICE's workbooks (2,000 rows, 13
// columns, 4,000 links) and above the 1,000,000-row benchmark.
struct SheetLimits {
  int64_t max_cells = int64_t{1} << 26;       // cells delivered
  int64_t max_text_bytes = int64_t{1} << 30;  // their text, a shared string counted at each use
  int64_t max_hyperlinks = int64_t{1} << 18;  // <hyperlink> elements (exact repeats aside)
  int64_t max_linked_cells = int64_t{1} << 22;  // cells the hyperlinks cover together
};

class XlsxReader {
 public:
  // `label` names the workbook in messages (a file name or a URL).
  static Status OpenBuffer(std::string bytes, const std::string& label, const ZipLimits& limits,
                           std::unique_ptr<XlsxReader>* out);
  // Opens the workbook in the open file `fd` (taken over), read as needed
  // rather than held: see ZipArchive::OpenFile.
  static Status OpenFile(int fd, const std::string& label, const ZipLimits& limits,
                         std::unique_ptr<XlsxReader>* out);
  ~XlsxReader();

  const std::string& label() const;
  const std::vector<SheetInfo>& sheets() const;
  bool date1904() const;
  // docProps/core.xml's dcterms:modified (e.g. "2026-02-13T17:11:20Z"); empty if absent.
  const std::string& modified_time() const;

  void set_sheet_limits(const SheetLimits& limits);
  // Whether a sheet's rows and relationships in Excel's plain form are read
  // in place (the default; see parser/plain_markup.h) rather than as XML
  // events like the rest. Both give the same rows and errors: off is there
  // so that tests and the fuzz targets can compare the two.
  void set_plain_markup(bool in_place);

  // The uncompressed size the archive declares for sheet `index`'s XML (0
  // when unknown): a hint for reserving memory, never trusted for more.
  uint64_t DeclaredSheetBytes(size_t index) const;

  // Streams the rows of sheet `index` that hold at least one value or link.
  // `on_row` returning false stops reading early (not an error). `summary`
  // may be null. Rows (and the cells' shared strings) are valid while this
  // reader lives.
  Status ReadSheet(size_t index, const std::function<bool(const TableRow&)>& on_row,
                   SheetSummary* summary = nullptr) const;

  struct Impl;  // internal to parser/

 private:
  explicit XlsxReader(std::unique_ptr<Impl> impl);
  // The workbook's parts read from an opened archive: what both Open* share.
  static Status FromZip(std::unique_ptr<ZipArchive> zip, std::unique_ptr<XlsxReader>* out);
  std::unique_ptr<Impl> impl_;
};

// Reads only docProps/core.xml's dcterms:modified from workbook bytes (cheap:
// no sheet, no shared strings). Empty `out` when the part is absent.
Status ReadWorkbookModifiedTime(std::string bytes, const std::string& label, const ZipLimits& limits,
                                std::string* out);

}  // namespace icetrack
