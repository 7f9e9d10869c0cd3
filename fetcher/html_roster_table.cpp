#include "fetcher/html_roster_table.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "fetcher/html_document.h"
#include "fetcher/html_serialize.h"
#include "fetcher/url_resolve.h"
#include "model/ascii_text.h"
#include "model/text_fold.h"

namespace icetrack {
namespace {

// A title row or two may stand above the header (as the roster reader's
// kHeaderSearchRows allows in a workbook).
constexpr size_t kHeaderRows = 10;
// What a page's rowspans may repeat into the rows below, in all: a real
// roster repeats a state into a few thousand rows.
constexpr size_t kMaxCarriedCells = 1 << 20;
constexpr size_t kMaxCarriedBytes = 32 << 20;
// A heading or caption names what its table holds in a few words; the rest
// of a long one is not kept in every row.
constexpr size_t kMaxContextBytes = 200;

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

// The leading digits of `attribute` (HTML reads them so), within [low, high]; `missing` when there are none.
int64_t SpanAttribute(const GumboNode* cell, const char* attribute, int64_t missing, int64_t low, int64_t high) {
  const char* span = Attribute(cell, attribute);
  if (!span) return missing;
  std::string_view text = span;
  text = text.substr(0, std::min(text.find_first_not_of("0123456789"), text.size()));
  int64_t n = missing;
  if (!text.empty() && !ParseDecimal(text, high, &n)) n = high;
  return std::clamp<int64_t>(n, low, high);
}

// HTML caps colspan at 1000 and rowspan at 65534; rowspan="0" runs to the
// end of the table.
int ColumnSpan(const GumboNode* cell) { return static_cast<int>(SpanAttribute(cell, "colspan", 1, 1, 1000)); }
int64_t RowSpan(const GumboNode* cell, int64_t rows_left) {
  int64_t n = SpanAttribute(cell, "rowspan", 1, 0, 65534);
  return n == 0 ? rows_left : std::min(n, rows_left);
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// A row with a cell that starts with the word "STATE" and another that names
// the "AGENCY" ("State and local agencies" alone is a title, not a header).
bool IsRosterHeader(const GumboNode* row) {
  bool state = false, agency = false;
  for (const GumboNode* cell : CellsOf(row)) {
    std::string text = Upper(NodeText(cell));
    bool starts_with_state =
        text.rfind("STATE", 0) == 0 && (text.size() == 5 || !std::isalpha(static_cast<unsigned char>(text[5])));
    if (starts_with_state && !state) state = true;
    else if (text.find("AGENC") != std::string::npos) agency = true;
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

Cell ReadCell(const GumboNode* node, int column, const std::string& base_url) {
  Cell value;
  value.column = column;
  value.written = NodeText(node);
  value.hyperlink = FirstHref(node, base_url);
  if (!value.written.empty() || !value.hyperlink.empty()) value.kind = CellKind::String;
  return value;
}

// A cell whose rowspan covers rows below its own: its columns are taken
// there, and its value is theirs too (a state written once for its agencies).
struct Spanning {
  int column = 0, width = 1;
  size_t last_row = 0;  // the last row it covers (an index in the table's rows)
  Cell value;
};

// What the spans of a page's tables may repeat into the rows below, in all:
// slots covered (empty or not) and bytes of text copied.
struct SpanBudget {
  size_t slots = 0, bytes = 0;
  bool Spend(const Spanning& s) {
    ++slots;
    if (s.value.kind != CellKind::Empty) bytes += s.value.written.size() + s.value.hyperlink.size();
    return slots <= kMaxCarriedCells && bytes <= kMaxCarriedBytes;
  }
};

// For each row, the index of the last row of its section (thead, tbody,
// tfoot): HTML ends a rowspan there.
std::vector<size_t> SectionEnds(const std::vector<const GumboNode*>& rows) {
  std::vector<size_t> ends(rows.size());
  for (size_t r = rows.size(); r-- > 0;)
    ends[r] = r + 1 < rows.size() && rows[r + 1]->parent == rows[r]->parent ? ends[r + 1] : r;
  return ends;
}

// The rows of one table as TableRows numbered from `number`, rowspan and
// colspan placed as HTML places them. False when the spans go past the
// page's budget: a hostile table, not a roster.
bool ReadRows(const std::vector<const GumboNode*>& rows, int number, const std::string& base_url,
              const std::string& context, SpanBudget* budget, std::vector<TableRow>* out) {
  std::vector<size_t> ends = SectionEnds(rows);
  std::vector<Spanning> spanning;  // by column: the spans cover distinct slots
  for (size_t r = 0; r < rows.size(); ++r) {
    TableRow row;
    row.row = number++;
    row.context = context;
    spanning.erase(std::remove_if(spanning.begin(), spanning.end(), [&](const Spanning& s) { return s.last_row < r; }),
                   spanning.end());
    for (const Spanning& s : spanning) {
      if (!budget->Spend(s)) return false;
      if (s.value.kind != CellKind::Empty) row.cells.push_back(s.value);
    }
    std::vector<Spanning> started;
    size_t next = 0;  // the first span that may still lie ahead of `column`
    int column = 0;
    for (const GumboNode* node : CellsOf(rows[r])) {
      while (next < spanning.size() && spanning[next].column <= column) {
        const Spanning& s = spanning[next++];
        column = std::max(column, s.column + s.width);
      }
      Cell value = ReadCell(node, column, base_url);
      int width = ColumnSpan(node);
      int64_t down = RowSpan(node, static_cast<int64_t>(ends[r] - r) + 1) - 1;
      if (down > 0) started.push_back({column, width, r + static_cast<size_t>(down), value});
      if (value.kind != CellKind::Empty) row.cells.push_back(std::move(value));
      column += width;
    }
    spanning.insert(spanning.end(), started.begin(), started.end());
    std::sort(spanning.begin(), spanning.end(), [](const Spanning& a, const Spanning& b) { return a.column < b.column; });
    std::stable_sort(row.cells.begin(), row.cells.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; });
    out->push_back(std::move(row));
  }
  return true;
}

bool IsHeading(const GumboNode* n) {
  for (GumboTag tag : {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6})
    if (IsElement(n, tag)) return true;
  return false;
}

// A table with a roster header in its first rows, and what it is a table of.
struct RosterTable {
  const GumboNode* table = nullptr;
  std::vector<const GumboNode*> rows;
  size_t header = 0;                   // its index in `rows`
  std::string header_text;             // the header row's cells, to tell tables of one layout
  std::string context;                 // its caption, else the heading before it
  const GumboNode* heading = nullptr;  // that heading (outside the table), when it is the context
};

// A caption's or heading's text, cut to kMaxContextBytes without the space a
// cut may leave at its end (the text read back from the kept markup has none).
std::string ContextOf(const GumboNode* node) {
  std::string text(Utf8Prefix(NodeText(node), kMaxContextBytes));
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::optional<RosterTable> AsRosterTable(const GumboNode* table, const GumboNode* heading) {
  RosterTable t;
  t.table = table;
  t.rows = RowsOf(table);
  for (t.header = 0; t.header < t.rows.size() && t.header < kHeaderRows; ++t.header) {
    if (!IsRosterHeader(t.rows[t.header])) continue;
    for (const GumboNode* cell : CellsOf(t.rows[t.header])) t.header_text += Upper(NodeText(cell)) + "\t";
    for (const GumboNode* child : ElementChildren(table))
      if (IsElement(child, GUMBO_TAG_CAPTION)) t.context = ContextOf(child);
    if (t.context.empty() && heading) t.context = ContextOf(heading), t.heading = heading;
    return t;
  }
  return std::nullopt;
}

// Every roster table of the page, in document order, with the heading each sits under.
std::vector<RosterTable> RosterTables(const HtmlDocument& document) {
  std::vector<RosterTable> found;
  const GumboNode* heading = nullptr;
  WalkTree(
      document.root(),
      [&](const GumboNode* n) {
        if (IsHeading(n)) {
          heading = n;
          return false;
        }
        if (!IsElement(n, GUMBO_TAG_TABLE)) return true;
        std::optional<RosterTable> t = AsRosterTable(n, heading);
        if (t) found.push_back(std::move(*t));
        return !t;  // a roster table inside another table is still found; nothing inside one is another
      },
      nullptr);
  return found;
}

// What a snapshot keeps of the tables `read` (html_roster_table.h).
// Stops once longer than `max_bytes` (what SerializeHtml says).
std::string KeptMarkup(const std::vector<const RosterTable*>& read, const std::string& base_url, size_t max_bytes) {
  if (read.empty()) return "";
  // The links' base first, so that the markup reads the same links wherever
  // it is read from (the page's own <base> may stand outside the tables).
  std::string out = "<base href=\"" + EscapeAttributeValue(base_url) + "\">";
  for (const RosterTable* t : read) {
    // The heading as a heading of its text, closed: the page's own may be
    // closed only by what follows it, and would then hold the table.
    if (t->heading) out += "\n<h3>" + EscapeMarkupText(t->context) + "</h3>";
    if (out.size() > max_bytes) break;
    out += "\n" + SerializeHtml(t->table, max_bytes - out.size());
  }
  return out;
}

}  // namespace

std::vector<TableRow> FindRosterTable(const HtmlDocument& document, const std::string& base_url,
                                      std::string* markup, size_t max_markup_bytes) {
  std::vector<RosterTable> tables = RosterTables(document);
  std::vector<TableRow> rows;
  std::vector<const RosterTable*> read;
  SpanBudget budget;  // the page's, not each table's
  for (const RosterTable& t : tables) {
    if (t.header_text != tables.front().header_text) continue;  // another layout: another list
    // The first table's rows from its top (title rows above the header are
    // the roster reader's to pass over); the next ones' below their header.
    std::vector<const GumboNode*> own(t.rows.begin() + (rows.empty() ? 0 : static_cast<long>(t.header) + 1), t.rows.end());
    if (!ReadRows(own, static_cast<int>(rows.size()) + 1, base_url, t.context, &budget, &rows)) {
      rows.clear(), read.clear();
      break;
    }
    read.push_back(&t);
  }
  if (markup) *markup = KeptMarkup(read, base_url, max_markup_bytes);
  return rows;
}

}  // namespace icetrack
