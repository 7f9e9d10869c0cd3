// Internal to parser/: a sheet's rows in the plain form Excel writes nearly
// all of them in, read where they lie, without the XML reader's events.
//
// Why: a row of ICE's roster is a dozen `<c r="B7" s="60" t="s"><v>9</v></c>`
// cells, and turning each into start, text and end events through the
// generic scanner cost more than half of `parse` (docs/PERFORMANCE.md).
//
// Promises: ReadPlainRow takes a row only when every byte of it is in the
// plain form below, which the XML reader would read the same way with every
// check passed; anything else (a reference, an inline string, a formula, a
// comment, a prefixed element, a non-ASCII byte, a duplicate or namespace
// attribute, a row cut short by the end of `text`) makes it take nothing, so
// that the XML reader reads that row as any other markup, and reports what
// is wrong with it. The plain form:
//
//   row  := "<row" attrs ("/>" | ">" (space | cell)* "</row>")
//   cell := "<c" attrs ("/>" | ">" space* ("<v>" text "</v>" space*)? "</c>")
//   attrs := (space+ name "=" quote value quote)* space*
//
// with ASCII names, values of printable ASCII without `<&>` or quotes, text
// of printable ASCII without `<&>` (tab and line feed allowed), and at most
// kSheetColumns cells (a longer row is left to the reader, which refuses it).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace icetrack::xlsx {

struct PlainCell {
  std::optional<std::string_view> r, s, t;  // the attributes read; absent when not written
  std::string_view v;                       // the <v> text, empty when there is none
};

struct PlainRow {
  std::optional<std::string_view> r;
  std::vector<PlainCell> cells;  // reused from row to row
};

// Reads the row at the start of `text` (after any white space, which a sheet
// reader ignores between rows) into `row`; returns the bytes read, white
// space included, or 0 when `text` does not start with a whole plain row.
size_t ReadPlainRow(std::string_view text, PlainRow* row);

}  // namespace icetrack::xlsx
