// Table cells and rows: what a spreadsheet (or an HTML table) holds, before
// any meaning is given to it. Readers produce these; the roster reader turns
// them into RosterRows. Plain values only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

enum class CellKind { Empty, String, Number, Boolean, Error };

struct Cell {
  int column = 0;           // 0-based (A = 0)
  CellKind kind = CellKind::Empty;
  // The cell's text (for numbers, the number as written in the file): its own
  // `written` text, or one of the workbook's shared strings, pointed at rather
  // than copied into every cell that uses it (a hostile workbook can point a
  // million cells at one long string). `shared` lives as long as the reader.
  std::string written;
  std::string_view shared;
  bool is_shared = false;
  std::string_view Text() const { return is_shared ? shared : std::string_view(written); }
  // Makes the text the cell's own, for a cell kept after its reader is gone.
  void Own() {
    if (is_shared) written = shared, shared = {}, is_shared = false;
  }
  double number = 0;        // Number and Boolean cells
  bool is_date = false;     // a Number whose style is a date format
  std::string hyperlink;    // target URL, empty when the cell has none
};

struct TableRow {
  int row = 0;              // 1-based, as in the sheet
  std::vector<Cell> cells;  // ascending by column; empty cells may be absent
  std::string context;      // an HTML table's heading or caption (what it is a table of); "" in a workbook
};

// Column letters: 0 -> "A", 27 -> "AB".
std::string ColumnName(int column);
// "A1"-style reference for messages: (row 12, column 2) -> "C12".
std::string CellName(int row, int column);

}  // namespace icetrack
