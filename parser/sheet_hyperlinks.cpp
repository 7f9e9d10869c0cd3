#include "parser/sheet_hyperlinks.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "parser/xml_stream.h"

namespace icetrack::xlsx {

namespace {

uint64_t CellId(int row, int column) {
  return (static_cast<uint64_t>(row) << 16) | static_cast<uint64_t>(column);
}

class HyperlinkHandler : public XmlHandler {
 public:
  HyperlinkHandler(const Relationships& rels, SheetHyperlinks* out) : rels_(rels), out_(out) {}
  void OnStart(std::string_view name, const char** attrs) override {
    if (name != "hyperlink") return;
    const char* ref = FindAttr(attrs, "ref");
    const char* rid = FindAttr(attrs, "r:id");
    if (!ref || !rid) return;  // internal links (location only) have no URL
    auto it = rels_.find(rid);
    if (it != rels_.end()) out_->Add(ref, it->second.target);
  }
  void OnEnd(std::string_view) override {}

 private:
  const Relationships& rels_;
  SheetHyperlinks* out_;
};

// Finds the end of <sheetData> ("</sheetData>", "</x:sheetData>" or
// "<sheetData/>") in `text`; returns the offset just past it, or npos.
size_t EndOfSheetData(std::string_view text) {
  constexpr std::string_view kName = "sheetData";
  for (size_t at = text.find(kName); at != std::string_view::npos; at = text.find(kName, at + 1)) {
    size_t start = at;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) ||
                         text[start - 1] == ':'))
      --start;
    bool closing = start >= 2 && text[start - 1] == '/' && text[start - 2] == '<';
    bool opening = start >= 1 && text[start - 1] == '<';
    size_t after = at + kName.size();
    while (after < text.size() && std::isspace(static_cast<unsigned char>(text[after]))) ++after;
    if (closing && after < text.size() && text[after] == '>') return after + 1;
    if (opening && text.compare(after, 2, "/>") == 0) return after + 2;
  }
  return std::string_view::npos;
}

// The document's root start tag (with its namespace declarations).
std::string RootStartTag(std::string_view head) {
  for (size_t lt = head.find('<'); lt != std::string_view::npos; lt = head.find('<', lt + 1)) {
    if (lt + 1 < head.size() && (head[lt + 1] == '?' || head[lt + 1] == '!')) continue;
    size_t gt = head.find('>', lt);
    if (gt == std::string_view::npos) return "";
    return std::string(head.substr(lt, gt - lt + 1));
  }
  return "";
}

}  // namespace

bool ParseCellRef(std::string_view ref, int* row, int* column) {
  size_t i = 0;
  int col = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    col = col * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (++i > 3) return false;
  }
  if (i == 0 || i == ref.size()) return false;
  long r = 0;
  for (; i < ref.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
    r = r * 10 + (ref[i] - '0');
    if (r > 1048576) return false;
  }
  if (r < 1 || col > 16384) return false;
  *row = static_cast<int>(r);
  *column = col - 1;
  return true;
}

void SheetHyperlinks::Add(std::string_view ref, const std::string& url) {
  size_t colon = ref.find(':');
  int r1, c1;
  if (!ParseCellRef(ref.substr(0, colon), &r1, &c1)) return;
  ++count_;
  int r2 = r1, c2 = c1;
  if (colon != std::string_view::npos && ParseCellRef(ref.substr(colon + 1), &r2, &c2) &&
      (r2 != r1 || c2 != c1)) {
    ranges_.push_back({r1, c1, r2, c2, url});
  } else {
    cells_.emplace(CellId(r1, c1), url);
  }
  // Index the linked cells by row, so that a linked cell without a value is
  // still delivered; a huge range is indexed only up to a sane number of cells.
  constexpr long kMaxIndexed = 1 << 20;
  long cells = (static_cast<long>(std::max(r2, r1)) - std::min(r1, r2) + 1) * (std::abs(c2 - c1) + 1);
  if (cells > kMaxIndexed) return;
  for (int r = std::min(r1, r2); r <= std::max(r1, r2); ++r) {
    std::vector<int>& columns = columns_by_row_[r];
    for (int c = std::min(c1, c2); c <= std::max(c1, c2); ++c) {
      columns.insert(std::lower_bound(columns.begin(), columns.end(), c), c);
    }
  }
}

const std::vector<int>* SheetHyperlinks::LinkedColumns(int row) const {
  auto it = columns_by_row_.find(row);
  return it == columns_by_row_.end() ? nullptr : &it->second;
}

const std::string* SheetHyperlinks::Find(int row, int column) const {
  auto it = cells_.find(CellId(row, column));
  if (it != cells_.end()) return &it->second;
  for (const Range& r : ranges_) {
    if (row >= r.row1 && row <= r.row2 && column >= r.col1 && column <= r.col2) return &r.url;
  }
  return nullptr;
}

Status SheetHyperlinks::Read(const ZipArchive& zip, const std::string& sheet_part,
                             const Relationships& rels) {
  bool any = false;
  for (const auto& [id, rel] : rels) any = any || rel.type == "hyperlink";
  if (!any) return Status::Ok();

  std::string root, window, tail;
  bool found = false;
  Status s = zip.Read(sheet_part, [&](std::string_view chunk) {
    if (found) {
      tail.append(chunk);
      return true;
    }
    window.append(chunk);
    if (root.empty()) root = RootStartTag(window);
    size_t end = EndOfSheetData(window);
    if (end != std::string_view::npos) {
      found = true;
      tail = window.substr(end);
    } else if (!root.empty() && window.size() > 64) {
      window.erase(0, window.size() - 64);  // keep enough to match a split tag
    }
    return true;
  });
  if (!s.ok() || !found || root.empty()) return s;
  HyperlinkHandler handler(rels, this);
  // Malformed XML in the tail is reported, with its true position, by the row pass.
  ParseXmlText(root + tail, zip.label() + ": " + sheet_part, &handler);
  return Status::Ok();
}

}  // namespace icetrack::xlsx
