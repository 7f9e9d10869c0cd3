#include "parser/sheet_hyperlinks.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "model/ascii_text.h"
#include "parser/plain_markup.h"
#include "parser/xml_stream.h"

namespace icetrack::xlsx {

namespace {

constexpr int kRangeRank = 1 << 30;  // ranks of ranges come after every single cell's

uint64_t Corner(int row, int column) { return (static_cast<uint64_t>(row) << 14) | static_cast<uint64_t>(column); }

class HyperlinkHandler : public XmlHandler {
 public:
  HyperlinkHandler(const Relationships& rels, SheetHyperlinks* out, bool in_place)
      : rels_(rels), out_(out), in_place_(in_place) {}
  void OnStart(std::string_view name, XmlAttributes attrs) override {
    if (name == "hyperlinks") wants_content = in_place_;
    if (name == "hyperlink") Add(attrs.Find("ref"), attrs.Find("r:id"));
  }
  bool over_limit = false;
  void OnEnd(std::string_view) override {}

  // Hyperlinks in Excel's plain form, read in place (parser/plain_markup.h).
  size_t ReadContent(std::string_view rest, XmlNames& names) override {
    size_t read = 0;
    for (size_t length; !stop_requested && (length = ReadPlainHyperlink(rest.substr(read), names, &plain_)) > 0;
         read += length)
      Add(ValueOf(plain_.ref), ValueOf(plain_.rel_id));
    return read;
  }

 private:
  void Add(const std::string_view* ref, const std::string_view* rid) {
    if (!ref || !rid) return;  // internal links (location only) have no URL
    std::optional<Relationship> rel = rels_.Find(*rid);
    if (rel && !out_->Add(*ref, rel->target)) over_limit = true, stop_requested = true;
  }

  const Relationships& rels_;
  SheetHyperlinks* out_;
  const bool in_place_;
  PlainHyperlink plain_;
};

// What ends a tag's name: white space, '/', '>'.
struct NameStops {
  bool of[256] = {};
  constexpr NameStops() {
    for (char c : {' ', '\t', '\n', '\r', '/', '>'}) of[static_cast<unsigned char>(c)] = true;
  }
};
constexpr NameStops kNameStops;

// Finds, in a sheet streamed in chunks, the root's start tag and where
// <sheetData> ends — outside comments, CDATA and instructions, so that a
// cell holding "</sheetData><hyperlinks>..." in CDATA cannot forge links.
// Other tags are stepped over from '<' to '<' once their names show it:
// well-formed XML has no '<' inside a tag, and a sheet that is not
// well-formed is refused by the row pass anyway. Linear: between chunks it
// keeps only an unfinished token (at most kMaxTag bytes) or the last bytes
// of an unfinished comment; a chunk is read where it lies.
class SheetDataEnd {
 public:
  // True once the end is found; tail() then holds what follows it in this
  // chunk. A tag over kMaxTag sets too_long().
  bool Feed(std::string_view chunk) {
    if (pending_.empty()) return Scan(chunk);
    std::string data = pending_ + std::string(chunk);
    pending_.clear();
    return Scan(data);
  }
  const std::string& root() const { return root_; }
  const std::string& tail() const { return tail_; }
  bool too_long() const { return too_long_; }

  static constexpr size_t kMaxTag = size_t{1} << 20;

 private:
  enum class In { Text, Comment, Cdata, Pi };

  bool Scan(std::string_view data) {
    for (size_t i = 0; i < data.size();) {
      if (state_ != In::Text) {
        std::string_view close = state_ == In::Comment ? "-->" : state_ == In::Cdata ? "]]>" : "?>";
        size_t end = data.find(close, i);
        if (end == std::string_view::npos) {
          pending_ = data.substr(std::max(i, data.size() - std::min(data.size(), close.size() - 1)));
          return false;
        }
        i = end + close.size();
        state_ = In::Text;
        continue;
      }
      i = data.find('<', i);
      if (i == std::string_view::npos) return false;
      if (!root_.empty() && CannotMatter(data, i)) {  // nearly every tag: stepped over at once
        ++i;
        continue;
      }
      std::optional<size_t> next = Markup(data, i);
      if (!next) return false;
      if (found_) {
        tail_ = data.substr(*next);
        return true;
      }
      i = *next;
    }
    return false;
  }

  // The markup at data[at] == '<': where scanning goes on, or nothing when
  // the chunk ends first (the token is then kept for the next one).
  std::optional<size_t> Markup(std::string_view data, size_t at) {
    std::string_view rest = data.substr(at);
    auto wait = [&]() -> std::optional<size_t> {
      too_long_ = rest.size() > kMaxTag;
      if (!too_long_) pending_ = std::string(rest);
      return std::nullopt;
    };
    if (rest.size() < 9 && (std::string_view("<![CDATA[").starts_with(rest) || std::string_view("<!--").starts_with(rest.substr(0, 4))))
      return wait();
    if (rest.starts_with("<!--")) return Enter(In::Comment, at + 4);
    if (rest.starts_with("<![CDATA[")) return Enter(In::Cdata, at + 9);
    if (rest.starts_with("<?")) return Enter(In::Pi, at + 2);
    bool end_tag = rest.starts_with("</");
    // Any other tag is stepped over once its name shows it (see above).
    if (end_tag && !IsSheetData(rest, 2, true)) return at + 2;
    if (!end_tag && !root_.empty() && !IsSheetData(rest, 1, true)) return at + 1;
    size_t gt = TagEnd(rest);
    if (gt == std::string_view::npos) return wait();
    std::string_view tag = rest.substr(0, gt + 1);
    if (end_tag) {
      found_ = IsSheetData(tag, 2, false);
    } else {
      if (root_.empty() && tag[1] != '!') root_ = std::string(tag);
      found_ = IsSheetData(tag, 1, false) && tag[tag.size() - 2] == '/';
    }
    return at + gt + 1;
  }

  // A tag whose first bytes show it is neither markup to skip (a comment,
  // CDATA, an instruction) nor a sheetData tag: an unprefixed name that
  // does not start with 's' (c, v, row, f, is...). What this cannot tell
  // goes to Markup, as does a tag too near the chunk's end.
  static bool CannotMatter(std::string_view data, size_t at) {
    constexpr size_t kLook = 16;
    if (data.size() - at < kLook) return false;
    char c = data[at + 1];
    if (c == '!' || c == '?') return false;
    size_t name = at + (c == '/' ? 2 : 1);
    if (data[name] == 's') return false;
    for (size_t i = name; i < at + kLook; ++i) {
      if (kNameStops.of[static_cast<unsigned char>(data[i])]) return true;
      if (data[i] == ':') return false;
    }
    return false;  // a long name: Markup reads it
  }

  std::optional<size_t> Enter(In state, size_t next) {
    state_ = state;
    return next;
  }

  static size_t TagEnd(std::string_view tag) {
    char quote = 0;
    for (size_t i = 1; i < tag.size(); ++i) {
      if (quote) quote = tag[i] == quote ? 0 : quote;
      else if (tag[i] == '"' || tag[i] == '\'') quote = tag[i];
      else if (tag[i] == '>') return i;
    }
    return std::string_view::npos;
  }

  // "sheetData" or "prefix:sheetData" at tag[from], nothing else. With
  // `maybe`, a name cut short by the chunk's end may still be it.
  static bool IsSheetData(std::string_view tag, size_t from, bool maybe) {
    size_t end = from, colon = std::string_view::npos;
    for (; end < tag.size() && !kNameStops.of[static_cast<unsigned char>(tag[end])]; ++end) {
      if (tag[end] == ':' && colon == std::string_view::npos) colon = end;
    }
    if (maybe && end == tag.size()) return true;
    if (colon == from) return false;
    size_t local = colon == std::string_view::npos ? from : colon + 1;
    return tag.substr(local, end - local) == "sheetData";
  }

  In state_ = In::Text;
  std::string pending_, root_, tail_;
  bool found_ = false, too_long_ = false;
};

}  // namespace

bool ParseCellRef(std::string_view ref, int* row, int* column) {
  size_t i = 0;
  int col = 0;
  while (i < ref.size() && IsAlphaAscii(ref[i])) {
    col = col * 26 + (ToUpperAscii(ref[i]) - 'A' + 1);
    if (++i > 3) return false;
  }
  if (i == 0 || i == ref.size()) return false;
  long r = 0;
  for (; i < ref.size(); ++i) {
    if (!IsDigitAscii(ref[i])) return false;
    r = r * 10 + (ref[i] - '0');
    if (r > kSheetRows) return false;
  }
  if (r < 1 || col > kSheetColumns) return false;
  *row = static_cast<int>(r);
  *column = col - 1;
  return true;
}

bool SheetHyperlinks::Add(std::string_view ref, std::string_view url) {
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

const std::string_view* SheetHyperlinks::Find(int column) const {
  auto at = std::lower_bound(row_cells_.begin(), row_cells_.end(), column,
                             [](const LinkedCell& c, int col) { return c.column < col; });
  return at != row_cells_.end() && at->column == column ? &at->url : nullptr;
}

Status SheetHyperlinks::Read(const ZipArchive& zip, const std::string& sheet_part,
                             const Relationships& rels, size_t keep_up_to, std::string* sheet, bool in_place) {
  if (!rels.HasType("hyperlink")) return Status::Ok();

  SheetDataEnd finder;
  std::string tail;
  // A sheet declared larger than can be kept is not started on.
  bool found = false, keeping = sheet != nullptr && zip.DeclaredSize(sheet_part) <= keep_up_to;
  auto look = [&](std::string_view bytes) {
    if (found) tail.append(bytes);
    else if (finder.Feed(bytes)) found = true, tail = finder.tail();
  };
  // A sheet that can be kept is looked at once it is whole (inflated at once
  // where it can be, never copied chunk by chunk); a larger one is looked at
  // as it streams.
  Status s = Status::Ok();
  if (keeping && zip.ReadWhole(sheet_part, sheet)) {
    look(*sheet);  // its size is the declared one, within keep_up_to
  } else {
    s = zip.Read(sheet_part, [&](std::string_view chunk) {
      if (keeping && sheet->size() + chunk.size() <= keep_up_to) return sheet->append(chunk), true;
      if (keeping) {
        keeping = false;
        look(*sheet);
        sheet->clear();
        sheet->shrink_to_fit();
      }
      look(chunk);
      return !finder.too_long();
    });
    if (s.ok() && keeping) look(*sheet);
  }
  if (s.ok() && finder.too_long())
    s = Status::Error(zip.label() + ": " + sheet_part + ": a tag over " +
                      std::to_string(SheetDataEnd::kMaxTag >> 20) + " MiB (a limit against hostile workbooks)");
  if (!s.ok() && sheet) sheet->clear();
  if (!s.ok() || !found || finder.root().empty()) return s;
  HyperlinkHandler handler(rels, this, in_place);
  // Not grown by doubling (each step would hold the old and the new links
  // at once): a <hyperlink/> takes 20 bytes and more, and at most max_links
  // are kept. Untouched, the rest costs no page.
  links_.reserve(static_cast<size_t>(std::min<int64_t>(max_links_ + 1, static_cast<int64_t>(tail.size() / 20))));
  // The tail behind its root tag (for the namespaces) in its own buffer, and
  // freed before the links are sorted: a million-row sheet's tail is MBs.
  tail.insert(0, finder.root());
  // Malformed XML in the tail is reported, with its true position, by the row pass.
  ParseXmlText(tail, zip.label() + ": " + sheet_part, &handler);
  std::string().swap(tail);
  seen_.clear();
  if (handler.over_limit)
    return Status::Error(zip.label() + ": " + sheet_part + ": more than " + std::to_string(max_links_) +
                         " hyperlinks, or hyperlinks covering more than " + std::to_string(max_linked_cells_) +
                         " cells (limits against hostile workbooks)");
  std::stable_sort(links_.begin(), links_.end(), [](const Link& a, const Link& b) { return a.row1 < b.row1; });
  return Status::Ok();
}

}  // namespace icetrack::xlsx
