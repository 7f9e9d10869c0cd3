// Internal to parser/: the hyperlinks of one worksheet, read before its rows.
//
// A sheet lists <hyperlinks> after <sheetData>, but rows are streamed and
// each cell should know its link when it is delivered. So the part is first
// scanned (inflated, not parsed) for the end of <sheetData>; only the short
// tail after it is parsed. Ranges ("G2:G9", or written backwards "G9:G2")
// give the link to every cell they cover.
//
// The work is bounded in total, not per link: the cells all links cover
// together (a range repeated exactly is counted once) and their number are
// limited (SheetLimits), and rows are visited once, in order, so a
// row's links cost what they cover in that row (no scan of every range per
// cell, which made ten copies of one range take 72 s).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/status.h"
#include "parser/xlsx_parts.h"
#include "parser/zip_archive.h"

namespace icetrack::xlsx {

// A sheet's bounds (ECMA-376, Excel's limits).
constexpr int kSheetRows = 1048576;
constexpr int kSheetColumns = 16384;

// "AB12" -> column 27 (0-based), row 12. False when malformed or beyond the
// sheet's bounds.
bool ParseCellRef(std::string_view ref, int* row, int* column);

struct LinkedCell {
  int column = 0;
  std::string_view url;  // into the sheet's Relationships
};

class SheetHyperlinks {
 public:
  SheetHyperlinks(int64_t max_links, int64_t max_linked_cells)
      : max_links_(max_links), max_linked_cells_(max_linked_cells) {}

  // Reads the hyperlinks of `sheet_part` whose targets are in `rels` (which
  // must outlive this). Fails when there are more than `max_links` of them
  // (exact repeats aside) or they cover more than `max_linked_cells`. When
  // the sheet had to be inflated for them and is at most `keep_up_to`
  // bytes, `*sheet` gets it, so that the rows need not inflate it again.
  // `in_place`: plain hyperlinks read in place (parser/plain_markup.h);
  // false reads each as XML events, to compare (the same links either way).
  Status Read(const ZipArchive& zip, const std::string& sheet_part, const Relationships& rels,
              size_t keep_up_to = 0, std::string* sheet = nullptr, bool in_place = true);

  // The linked cells of `row`, ascending by column; rows must be asked for
  // in ascending order. A cell's own link wins over a range; among ranges,
  // the first written.
  const std::vector<LinkedCell>& Row(int row);
  // The URL of `column` in the row last given by Row(), or nullptr.
  const std::string_view* Find(int column) const;

  int count() const { return static_cast<int>(links_.size()); }
  bool empty() const { return links_.empty(); }

  // Used by the parser: one <hyperlink ref=...>. False when over the limit.
  bool Add(std::string_view ref, std::string_view url);

 private:
  struct Link {
    int row1, col1, row2, col2;  // normalized: row1 <= row2, col1 <= col2
    int rank;                    // lower wins: single cells first, then document order
    std::string_view url;
  };
  int64_t max_links_, max_linked_cells_;
  int64_t linked_cells_ = 0;
  std::vector<Link> links_;           // by row1 once read
  size_t next_ = 0;                   // first link not yet reached by Row()
  int current_row_ = 0;               // the row last given by Row()
  std::vector<const Link*> active_;   // links covering the current row
  std::vector<LinkedCell> row_cells_;
  struct Candidate {
    int column, rank;
    std::string_view url;
  };
  std::vector<Candidate> candidates_;                // scratch of Row()
  std::set<std::pair<uint64_t, uint64_t>> seen_;     // corners of the links added, while reading
};

}  // namespace icetrack::xlsx
