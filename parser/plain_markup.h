// Internal to parser/: the bulk of a workbook — a sheet's rows, a part's
// relationships — in the plain form Excel writes nearly all of it in, read
// where it lies, without the XML reader's events.
//
// Why: a row of ICE's roster is a dozen `<c r="B7" s="60" t="s"><v>9</v></c>`
// cells, and its workbook has 2,338 shared strings, 1,725 hyperlinks and
// their relationships; turning each into
// start, text and end events through the generic scanner cost more than
// half of `parse` (docs/PERFORMANCE.md).
//
// Promises: a Read* function takes an element only when every byte of it is
// in the plain form below, which the XML reader would read the same way
// with every check passed; anything else (a reference but those below, an inline string, a
// formula, a comment, a prefixed element, a non-ASCII byte, a duplicate
// attribute, a namespace declared, an element cut short by the end of
// `text`) makes it take nothing, so that the XML reader reads that element
// as any other markup, and reports what is wrong with it. Attributes are
// known by the names the XML reader would give them (`names`: "r:id" in
// the relationships namespace, the local name otherwise). The plain forms:
//
//   row  := "<row" attrs ("/>" | ">" (space | cell)* "</row>")
//   cell := "<c" attrs ("/>" | ">" space* ("<v>" text "</v>" space*)? "</c>")
//   relationship := "<Relationship" attrs "/>"
//   hyperlink := "<hyperlink" attrs "/>"
//   shared string := "<si>" space* "<t" attrs ">" text "</t>" space* "</si>"
//   attrs := (space+ name "=" quote value quote)* space*
//
// with ASCII names, values of printable ASCII without `<&>` or quotes (but
// a relationship's Target may hold the five predefined entities), text
// of printable ASCII without `<&>` (tab and line feed allowed), at most 16
// attributes a tag, and at most kSheetColumns cells a row (a longer row is
// left to the reader, which refuses it). White space before the element is
// read with it: the readers of these parts ignore text between elements.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/xml_stream.h"

namespace icetrack::xlsx {

using Given = std::optional<std::string_view>;  // an attribute's value; absent when not written
// As XmlAttributes::Find gives it: null when absent.
inline const std::string_view* ValueOf(const Given& value) { return value ? &*value : nullptr; }

struct PlainCell {
  Given r, s, t;
  std::string_view v;  // the <v> text, empty when there is none
};

struct PlainRow {
  Given r;
  std::vector<PlainCell> cells;  // reused from row to row
};

// Reads the row at the start of `text` into `row`; returns the bytes read,
// or 0 when `text` does not start with a whole plain row.
size_t ReadPlainRow(std::string_view text, XmlNames& names, PlainRow* row);

struct PlainRelationship {
  Given id, type, target, target_mode;
  std::string decoded_target;  // where `target` points when it held &amp; and the like
};

// The same for one <Relationship/> of a relationships part.
size_t ReadPlainRelationship(std::string_view text, XmlNames& names, PlainRelationship* rel);

struct PlainHyperlink {
  Given ref, rel_id;  // ref and r:id
};

// The same for one <hyperlink/> of a sheet's <hyperlinks>.
size_t ReadPlainHyperlink(std::string_view text, XmlNames& names, PlainHyperlink* link);

// The same for one <si> of the shared strings holding a single plain <t>:
// `*out` gets its text.
size_t ReadPlainSharedString(std::string_view text, XmlNames& names, std::string_view* out);

}  // namespace icetrack::xlsx
