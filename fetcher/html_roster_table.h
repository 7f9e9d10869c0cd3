// The roster as an HTML table: the pages' layout from 2006 to 20 Feb 2025.
//
// Promises: finds the tables with a "STATE" column and a column naming the
// "AGENCY" (any case) in one of their first ten rows (title rows may stand
// above the header), so the steering-committee and other tables are passed
// over. The first such table and every later one with the same header (a
// table per model, or per state) are one list: the first from its top, the
// others from below their header, numbered on as one table (1-based rows in
// table order: thead, tbody, tfoot). Columns are 0-based and placed as HTML
// places them: colspan moves the cells after it, and a cell whose rowspan
// covers the rows below is in each of them (a state written once over its
// agencies). Each non-empty cell is a String whose text is the visible text
// (whitespace collapsed) and whose hyperlink is the absolute href of the
// cell's first link; empty cells are left out. Each row's `context` is its
// table's caption, else the heading (h1-h6) before the table: what it is a
// table of ("Jail Enforcement Model"). Rows of nested tables are not rows of
// this one. Gives no meaning to any cell: the roster reader does that.
// Spans that would repeat over a million cells refuse the page's tables
// (none is found): no roster is that, a hostile page can be.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/table.h"

namespace icetrack {

class HtmlDocument;

// The roster's rows, or an empty vector when the page has none. `markup`
// (may be null) receives what a snapshot keeps, and reads back to the same
// rows (the rest of the page changes with every request): a <base> naming
// `base_url`, then each table as the page's parse built it (html_serialize.h
// says why not its source), each on a new line after the heading it sits
// under; or "" when there is none. Writing stops once the markup is longer
// than `max_markup_bytes`: a longer one is cut short, and only says it is
// too large to keep.
std::vector<TableRow> FindRosterTable(const HtmlDocument& document, const std::string& base_url,
                                      std::string* markup = nullptr, size_t max_markup_bytes = SIZE_MAX);

}  // namespace icetrack
