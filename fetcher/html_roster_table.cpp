#include "fetcher/html_roster_table.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "fetcher/html_document.h"
#include "model/ascii_text.h"
#include "fetcher/url_resolve.h"

namespace icetrack {
namespace {

std::vector<const GumboNode*> ElementChildren(const GumboNode* node) {
  std::vector<const GumboNode*> out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT) out.push_back(child);
  }
  return out;
}

// The table's own rows: children of the table or of its sections, never deeper.
std::vector<const GumboNode*> RowsOf(const GumboNode* table) {
  std::vector<const GumboNode*> rows;
  for (const GumboNode* child : ElementChildren(table)) {
    if (IsElement(child, GUMBO_TAG_TR)) rows.push_back(child);
    bool section = IsElement(child, GUMBO_TAG_THEAD) || IsElement(child, GUMBO_TAG_TBODY) ||
                   IsElement(child, GUMBO_TAG_TFOOT);
    if (!section) continue;
    for (const GumboNode* row : ElementChildren(child))
      if (IsElement(row, GUMBO_TAG_TR)) rows.push_back(row);
  }
  return rows;
}

std::vector<const GumboNode*> CellsOf(const GumboNode* row) {
  std::vector<const GumboNode*> cells;
  for (const GumboNode* child : ElementChildren(row))
    if (IsElement(child, GUMBO_TAG_TD) || IsElement(child, GUMBO_TAG_TH)) cells.push_back(child);
  return cells;
}

int ColumnSpan(const GumboNode* cell) {
  const char* span = Attribute(cell, "colspan");
  // HTML reads the leading digits and caps colspan at 1000.
  std::string_view text = span ? span : "1";
  text = text.substr(0, std::min(text.find_first_not_of("0123456789"), text.size()));
  int64_t n = 1;
  if (!text.empty() && !ParseDecimal(text, 1000, &n)) n = 1000;
  return static_cast<int>(std::clamp<int64_t>(n, 1, 1000));
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool IsRosterHeader(const GumboNode* row) {
  bool state = false, agency = false;
  for (const GumboNode* cell : CellsOf(row)) {
    std::string text = Upper(NodeText(cell));
    state = state || text == "STATE";
    agency = agency || text.find("AGENCY") != std::string::npos;
  }
  return state && agency;
}

std::string FirstHref(const GumboNode* cell, const std::string& base_url) {
  std::string url;
  WalkTree(
      cell,
      [&](const GumboNode* n) {
        if (!url.empty()) return false;
        const char* href = IsElement(n, GUMBO_TAG_A) ? Attribute(n, "href") : nullptr;
        if (href) url = ResolveUrl(base_url, CleanHref(href));
        return url.empty();
      },
      nullptr);
  return url;
}

TableRow ReadRow(const GumboNode* row, int number, const std::string& base_url) {
  TableRow out;
  out.row = number;
  int column = 0;
  for (const GumboNode* cell : CellsOf(row)) {
    Cell value;
    value.column = column;
    value.written = NodeText(cell);
    value.hyperlink = FirstHref(cell, base_url);
    if (!value.written.empty() || !value.hyperlink.empty()) {
      value.kind = CellKind::String;
      out.cells.push_back(std::move(value));
    }
    column += ColumnSpan(cell);
  }
  return out;
}

// The element's source text, start tag to end tag; "" when gumbo made it up.
std::string SourceOf(const GumboNode* element) {
  const GumboElement& e = element->v.element;
  if (!e.original_tag.data || e.original_tag.length == 0 || e.end_pos.offset < e.start_pos.offset) return "";
  size_t length = e.end_pos.offset + e.original_end_tag.length - e.start_pos.offset;
  return std::string(e.original_tag.data, length);
}

}  // namespace

std::vector<TableRow> FindRosterTable(const HtmlDocument& document, const std::string& base_url,
                                      std::string* markup) {
  const GumboNode* found = nullptr;
  WalkTree(
      document.root(),
      [&](const GumboNode* n) {
        if (found) return false;
        if (!IsElement(n, GUMBO_TAG_TABLE)) return true;
        std::vector<const GumboNode*> rows = RowsOf(n);
        if (!rows.empty() && IsRosterHeader(rows.front())) found = n;
        return !found;  // a roster table inside another table is still found
      },
      nullptr);
  std::vector<TableRow> table;
  if (markup) *markup = found ? SourceOf(found) : "";
  if (!found) return table;
  int number = 0;
  for (const GumboNode* row : RowsOf(found)) table.push_back(ReadRow(row, ++number, base_url));
  return table;
}

}  // namespace icetrack
