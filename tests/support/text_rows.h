// Table rows made of text cells, as an HTML table or a header row gives
// them, for the tests of what reads rows (header map, roster builder).
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

}  // namespace icetrack::test
