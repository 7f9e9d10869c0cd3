// Table cells and rows: what a spreadsheet (or an HTML table) holds, before
// any meaning is given to it. Readers produce these; the roster reader turns
// them into RosterRows. Plain values only.
#pragma once

#include <string>
#include <vector>

namespace icetrack {

enum class CellKind { Empty, String, Number, Boolean, Error };

struct Cell {
  int column = 0;           // 0-based (A = 0)
  CellKind kind = CellKind::Empty;
  std::string text;         // the string; for numbers, the number as written in the file
  double number = 0;        // Number and Boolean cells
  bool is_date = false;     // a Number whose style is a date format
  std::string hyperlink;    // target URL, empty when the cell has none
};

struct TableRow {
  int row = 0;              // 1-based, as in the sheet
  std::vector<Cell> cells;  // ascending by column; empty cells may be absent
};

// Column letters: 0 -> "A", 27 -> "AB".
std::string ColumnName(int column);
// "A1"-style reference for messages: (row 12, column 2) -> "C12".
std::string CellName(int row, int column);

}  // namespace icetrack
