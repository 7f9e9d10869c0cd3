#include "parser/sheet_hyperlinks.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "parser/xml_stream.h"

namespace icetrack::xlsx {

namespace {

constexpr long kMaxRows = 1048576;
constexpr int kMaxColumns = 16384;
constexpr int kRangeRank = 1 << 30;  // ranks of ranges come after every single cell's

uint64_t Corner(int row, int column) { return (static_cast<uint64_t>(row) << 14) | static_cast<uint64_t>(column); }

class HyperlinkHandler : public XmlHandler {
 public:
  HyperlinkHandler(const Relationships& rels, SheetHyperlinks* out) : rels_(rels), out_(out) {}
  void OnStart(std::string_view name, const char** attrs) override {
    if (name != "hyperlink") return;
    const char* ref = FindAttr(attrs, "ref");
    const char* rid = FindAttr(attrs, "r:id");
    if (!ref || !rid) return;  // internal links (location only) have no URL
    auto it = rels_.find(rid);
    if (it != rels_.end() && !out_->Add(ref, &it->second.target)) over_limit = true, stop_requested = true;
  }
  bool over_limit = false;
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
    if (r > kMaxRows) return false;
  }
  if (r < 1 || col > kMaxColumns) return false;
  *row = static_cast<int>(r);
  *column = col - 1;
  return true;
}

bool SheetHyperlinks::Add(std::string_view ref, const std::string* url) {
  size_t colon = ref.find(':');
  int r1, c1;
  if (!ParseCellRef(ref.substr(0, colon), &r1, &c1)) return true;  // not a cell: ignored, as Excel does
  int r2 = r1, c2 = c1;
  if (colon != std::string_view::npos && !ParseCellRef(ref.substr(colon + 1), &r2, &c2)) r2 = r1, c2 = c1;
  Link link{std::min(r1, r2), std::min(c1, c2), std::max(r1, r2), std::max(c1, c2), 0, url};
  // An exact repeat adds nothing: the first one wins anyway.
  if (!seen_.insert({Corner(link.row1, link.col1), Corner(link.row2, link.col2)}).second) return true;
  int64_t cells = (int64_t{link.row2} - link.row1 + 1) * (int64_t{link.col2} - link.col1 + 1);
  linked_cells_ += cells;
  if (linked_cells_ > max_linked_cells_ || static_cast<int64_t>(links_.size()) >= max_links_) return false;
  bool single = cells == 1;
  link.rank = static_cast<int>(links_.size()) + (single ? 0 : kRangeRank);  // < 2^30 links: the limit
  links_.push_back(link);
  return true;
}

const std::vector<LinkedCell>& SheetHyperlinks::Row(int row) {
  if (row == current_row_) return row_cells_;
  current_row_ = row;
  while (next_ < links_.size() && links_[next_].row1 <= row) active_.push_back(&links_[next_++]);
  active_.erase(std::remove_if(active_.begin(), active_.end(), [row](const Link* l) { return l->row2 < row; }),
                active_.end());
  row_cells_.clear();
  if (active_.empty()) return row_cells_;
  candidates_.clear();
  for (const Link* l : active_)
    for (int c = l->col1; c <= l->col2; ++c) candidates_.push_back({c, l->rank, l->url});
  std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
    return a.column != b.column ? a.column < b.column : a.rank < b.rank;
  });
  for (const Candidate& c : candidates_)
    if (row_cells_.empty() || row_cells_.back().column != c.column) row_cells_.push_back({c.column, c.url});
  return row_cells_;
}

const std::string* SheetHyperlinks::Find(int column) const {
  auto at = std::lower_bound(row_cells_.begin(), row_cells_.end(), column,
                             [](const LinkedCell& c, int col) { return c.column < col; });
  return at != row_cells_.end() && at->column == column ? at->url : nullptr;
}

Status SheetHyperlinks::Read(const ZipArchive& zip, const std::string& sheet_part,
                             const Relationships& rels, size_t keep_up_to, std::string* sheet) {
  bool any = false;
  for (const auto& [id, rel] : rels) any = any || rel.type == "hyperlink";
  if (!any) return Status::Ok();

  std::string root, window, tail;
  bool found = false, keeping = sheet != nullptr;
  Status s = zip.Read(sheet_part, [&](std::string_view chunk) {
    if (keeping && sheet->size() + chunk.size() <= keep_up_to) sheet->append(chunk);
    else if (keeping) keeping = false, sheet->clear(), sheet->shrink_to_fit();
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
  if (!s.ok() && sheet) sheet->clear();
  if (!s.ok() || !found || root.empty()) return s;
  HyperlinkHandler handler(rels, this);
  // Malformed XML in the tail is reported, with its true position, by the row pass.
  ParseXmlText(root + tail, zip.label() + ": " + sheet_part, &handler);
  seen_.clear();
  if (handler.over_limit)
    return Status::Error(zip.label() + ": " + sheet_part + ": more than " + std::to_string(max_links_) +
                         " hyperlinks, or hyperlinks covering more than " + std::to_string(max_linked_cells_) +
                         " cells (limits against hostile workbooks)");
  std::stable_sort(links_.begin(), links_.end(), [](const Link& a, const Link& b) { return a.row1 < b.row1; });
  return Status::Ok();
}

}  // namespace icetrack::xlsx
