// Internal to parser/: the hyperlinks of one worksheet, read before its rows.
//
// A sheet lists <hyperlinks> after <sheetData>, but rows are streamed and
// each cell should know its link when it is delivered. So the part is first
// scanned (inflated, not parsed) for the end of <sheetData>; only the short
// tail after it is parsed. Ranges ("G2:G9") give the link to every cell.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/status.h"
#include "parser/xlsx_parts.h"
#include "parser/zip_archive.h"

namespace icetrack::xlsx {

// "AB12" -> column 27 (0-based), row 12. False when malformed.
bool ParseCellRef(std::string_view ref, int* row, int* column);

class SheetHyperlinks {
 public:
  // Reads the hyperlinks of `sheet_part` whose targets are in `rels`.
  Status Read(const ZipArchive& zip, const std::string& sheet_part, const Relationships& rels);
  // The URL of the cell, or nullptr.
  const std::string* Find(int row, int column) const;
  // Columns of `row` that have a link (ascending; ranges included, up to a cap).
  const std::vector<int>* LinkedColumns(int row) const;
  int count() const { return count_; }
  bool empty() const { return count_ == 0; }

  void Add(std::string_view ref, const std::string& url);  // used by the parser

 private:
  struct Range {
    int row1, col1, row2, col2;
    std::string url;
  };
  std::unordered_map<uint64_t, std::string> cells_;
  std::unordered_map<int, std::vector<int>> columns_by_row_;
  std::vector<Range> ranges_;
  int count_ = 0;
};

}  // namespace icetrack::xlsx
