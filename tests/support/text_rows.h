// Table rows made of text cells, as an HTML table or a header row gives
// them, for the tests of what reads rows (header map, roster builder), and
// how two rows differ (header-only: the fuzz targets use it too).
#pragma once

#include <string>
#include <vector>

#include "model/table.h"

namespace icetrack::test {

// Row `number`, a String cell a non-empty text (column = its index), under `context`.
inline TableRow TextRow(int number, const std::vector<std::string>& texts, const std::string& context = "") {
  TableRow row;
  row.row = number;
  row.context = context;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].empty()) continue;
    Cell c;
    c.column = static_cast<int>(i);
    c.kind = CellKind::String;
    c.written = texts[i];
    row.cells.push_back(c);
  }
  return row;
}

// "" when `a` and `b` are the same row: number, context, and each cell's
// column, text and link; else the first difference, for a message.
inline std::string RowDifference(const TableRow& a, const TableRow& b) {
  auto cell = [](const Cell& c) {
    return std::to_string(c.column) + " \"" + std::string(c.Text()) + "\" <" + c.hyperlink + ">";
  };
  if (a.row != b.row) return "row " + std::to_string(a.row) + " against " + std::to_string(b.row);
  if (a.context != b.context) return "context \"" + a.context + "\" against \"" + b.context + "\"";
  if (a.cells.size() != b.cells.size())
    return std::to_string(a.cells.size()) + " cells against " + std::to_string(b.cells.size());
  for (size_t i = 0; i < a.cells.size(); ++i) {
    const Cell &x = a.cells[i], &y = b.cells[i];
    if (x.column != y.column || x.Text() != y.Text() || x.hyperlink != y.hyperlink)
      return "cell " + cell(x) + " against " + cell(y);
  }
  return "";
}

}  // namespace icetrack::test
