// The roster as an HTML table: the page's layout before 20 Feb 2025.
//
// Promises: finds the first table whose first row has a "STATE" column and a
// column naming the "AGENCY" (any case), so the steering-committee and other
// tables are passed over, and returns all its rows as they stand, header row
// included as row 1: 1-based rows in table order (thead, tbody, tfoot),
// 0-based columns that honour colspan, each non-empty cell a String whose text
// is the visible text (whitespace collapsed) and whose hyperlink is the
// absolute href of the cell's first link. Empty cells are left out. Rows of
// nested tables are not rows of this one. Gives no meaning to any cell: the
// roster reader does that.
#pragma once

#include <string>
#include <vector>

#include "model/table.h"

namespace icetrack {

class HtmlDocument;

// The roster table's rows, or an empty vector when the page has none.
// `markup` (may be null) receives the table's own markup, verbatim from the
// page from "<table" to "</table>" (what a snapshot of it keeps: the rest of
// the page changes with every request), or "" when there is no table.
std::vector<TableRow> FindRosterTable(const HtmlDocument& document, const std::string& base_url,
                                      std::string* markup = nullptr);

}  // namespace icetrack
