#include "parser/xlsx_reader.h"

#include <algorithm>
#include <cstdlib>

#include "parser/sheet_hyperlinks.h"
#include "parser/xlsx_parts.h"
#include "parser/xml_stream.h"

namespace icetrack {

struct XlsxReader::Impl {
  std::unique_ptr<ZipArchive> zip;
  xlsx::WorkbookInfo workbook;
  std::vector<bool> date_styles;
  std::vector<std::string> shared_strings;
  std::string modified_time;
};

namespace {

// Streams <sheetData> rows to a callback; collects <dimension> and <mergeCell>.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const XlsxReader::Impl& book, const xlsx::SheetHyperlinks& links,
               const std::function<bool(const TableRow&)>& on_row, SheetSummary* summary)
      : book_(book), links_(links), on_row_(on_row), summary_(summary) {}

  std::string error;  // first problem found; the parse stops there

  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "c") StartCell(attrs);
    else if (name == "v") Collect(&value_);
    else if (name == "t" && in_inline_ && phonetic_depth_ == 0) Collect(&inline_text_);
    else if (name == "is") in_inline_ = true;
    else if (name == "rPh") ++phonetic_depth_;
    else if (name == "row") StartRow(attrs);
    else if (name == "dimension") summary_->dimension = Attr(attrs, "ref");
    else if (name == "mergeCell") summary_->merged_ranges.push_back(Attr(attrs, "ref"));
  }

  void OnEnd(std::string_view name) override {
    if (name == "v" || name == "t") target_ = nullptr;
    else if (name == "c") EndCell();
    else if (name == "is") in_inline_ = false;
    else if (name == "rPh") --phonetic_depth_;
    else if (name == "row") EndRow();
  }

  void OnText(std::string_view text) override {
    if (target_) target_->append(text);
  }

 private:
  static std::string Attr(const char** attrs, std::string_view name) {
    const char* v = FindAttr(attrs, name);
    return v ? v : "";
  }
  void Collect(std::string* target) { target_ = target; }
  void Fail(std::string message) {
    if (error.empty()) error = std::move(message);
    stop_requested = true;
  }

  void StartRow(const char** attrs) {
    const char* r = FindAttr(attrs, "r");
    int index = r ? std::atoi(r) : row_.row + 1;
    if (index < 1 || index <= row_.row) {
      Fail("row " + std::string(r ? r : "?") + " is out of order");
      return;
    }
    row_.row = index;
    row_.cells.clear();
    column_ = -1;
  }

  void StartCell(const char** attrs) {
    const char* r = FindAttr(attrs, "r");
    int row = row_.row, col = column_ + 1;
    if (r && !xlsx::ParseCellRef(r, &row, &col)) {
      Fail(std::string("bad cell reference \"") + r + "\"");
      return;
    }
    column_ = col;
    const char* t = FindAttr(attrs, "t");
    type_ = t ? t : "n";
    const char* s = FindAttr(attrs, "s");
    style_ = s ? std::atoi(s) : 0;
    value_.clear();
    inline_text_.clear();
  }

  void EndCell() {
    Cell cell;
    cell.column = column_;
    if (type_ == "s") {
      if (value_.empty()) return AddCell(std::move(cell));
      char* end = nullptr;
      unsigned long index = std::strtoul(value_.c_str(), &end, 10);
      if (*end != '\0' || index >= book_.shared_strings.size())
        return Fail("cell " + CellName(row_.row, column_) + ": shared string " + value_ +
                    " does not exist");
      cell.kind = CellKind::String;
      cell.text = book_.shared_strings[index];
    } else if (type_ == "inlineStr") {
      cell.kind = CellKind::String;
      cell.text = std::move(inline_text_);
    } else if (type_ == "str" || type_ == "d") {
      cell.kind = CellKind::String;
      cell.text = std::move(value_);
      cell.is_date = type_ == "d";
    } else if (type_ == "b") {
      cell.kind = CellKind::Boolean;
      cell.number = value_ == "1" ? 1 : 0;
      cell.text = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "e") {
      cell.kind = CellKind::Error;
      cell.text = std::move(value_);
    } else if (!value_.empty()) {
      char* end = nullptr;
      cell.number = std::strtod(value_.c_str(), &end);
      if (*end != '\0')
        return Fail("cell " + CellName(row_.row, column_) + ": \"" + value_ + "\" is not a number");
      cell.kind = CellKind::Number;
      cell.text = std::move(value_);
      cell.is_date = style_ >= 0 && static_cast<size_t>(style_) < book_.date_styles.size() &&
                     book_.date_styles[static_cast<size_t>(style_)];
    }
    AddCell(std::move(cell));
  }

  void AddCell(Cell cell) {
    if (cell.kind == CellKind::String && cell.text.empty()) cell.kind = CellKind::Empty;
    if (!links_.empty()) {
      if (const std::string* url = links_.Find(row_.row, cell.column)) cell.hyperlink = *url;
    }
    if (cell.kind != CellKind::Empty || !cell.hyperlink.empty()) row_.cells.push_back(std::move(cell));
  }

  void EndRow() {
    if (stop_requested) return;
    AddLinkedEmptyCells();
    if (row_.cells.empty()) return;
    ++summary_->rows;
    if (!on_row_(row_)) stop_requested = true;
  }

  // A linked cell with no value (or no <c> at all) is still a cell, with its link.
  void AddLinkedEmptyCells() {
    const std::vector<int>* linked = links_.empty() ? nullptr : links_.LinkedColumns(row_.row);
    if (!linked) return;
    for (int column : *linked) {
      auto at = std::lower_bound(row_.cells.begin(), row_.cells.end(), column,
                                 [](const Cell& c, int col) { return c.column < col; });
      if (at != row_.cells.end() && at->column == column) continue;
      Cell cell;
      cell.column = column;
      cell.hyperlink = *links_.Find(row_.row, column);
      row_.cells.insert(at, std::move(cell));
    }
  }

  const XlsxReader::Impl& book_;
  const xlsx::SheetHyperlinks& links_;
  const std::function<bool(const TableRow&)>& on_row_;
  SheetSummary* summary_;
  TableRow row_;
  int column_ = -1;
  std::string type_;
  int style_ = 0;
  std::string value_, inline_text_;
  std::string* target_ = nullptr;
  bool in_inline_ = false;
  int phonetic_depth_ = 0;
};

}  // namespace

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxReader::~XlsxReader() = default;

namespace {

Status Load(std::unique_ptr<ZipArchive> zip, std::unique_ptr<XlsxReader::Impl>* out) {
  auto impl = std::make_unique<XlsxReader::Impl>();
  impl->zip = std::move(zip);
  const ZipArchive& z = *impl->zip;
  Status s = xlsx::ReadWorkbook(z, &impl->workbook);
  if (s.ok()) s = xlsx::ReadDateStyles(z, impl->workbook.styles_part, &impl->date_styles);
  if (s.ok()) s = xlsx::ReadSharedStrings(z, impl->workbook.shared_strings_part, &impl->shared_strings);
  if (s.ok()) s = xlsx::ReadModifiedTime(z, &impl->modified_time);
  if (s.ok()) *out = std::move(impl);
  return s;
}

}  // namespace

Status XlsxReader::OpenBuffer(std::string bytes, const std::string& label, const ZipLimits& limits,
                              std::unique_ptr<XlsxReader>* out) {
  std::unique_ptr<ZipArchive> zip;
  std::unique_ptr<Impl> impl;
  Status s = ZipArchive::OpenBuffer(std::move(bytes), label, limits, &zip);
  if (s.ok()) s = Load(std::move(zip), &impl);
  if (s.ok()) out->reset(new XlsxReader(std::move(impl)));
  return s;
}

const std::string& XlsxReader::label() const { return impl_->zip->label(); }
const std::vector<SheetInfo>& XlsxReader::sheets() const { return impl_->workbook.sheets; }
bool XlsxReader::date1904() const { return impl_->workbook.date1904; }
const std::string& XlsxReader::modified_time() const { return impl_->modified_time; }

Status XlsxReader::ReadSheet(size_t index, const std::function<bool(const TableRow&)>& on_row,
                             SheetSummary* summary) const {
  if (index >= sheets().size()) return Status::Error(label() + ": no sheet #" + std::to_string(index + 1));
  const std::string& part = sheets()[index].part;
  const ZipArchive& zip = *impl_->zip;
  if (!zip.Has(part)) return Status::Error(label() + ": missing required part " + part);
  xlsx::Relationships rels;
  Status s = xlsx::ReadRelationships(zip, xlsx::RelsPartFor(part), part, false, &rels);
  if (!s.ok()) return s;
  xlsx::SheetHyperlinks links;
  s = links.Read(zip, part, rels);
  if (!s.ok()) return s;
  SheetSummary local;
  if (!summary) summary = &local;
  *summary = SheetSummary();
  summary->hyperlinks = links.count();
  SheetHandler handler(*impl_, links, on_row, summary);
  s = ParseXmlPart(zip, part, &handler);
  if (!s.ok()) return s;
  if (!handler.error.empty()) return Status::Error(label() + ": " + part + ": " + handler.error);
  return Status::Ok();
}

Status ReadWorkbookModifiedTime(std::string bytes, const std::string& label, const ZipLimits& limits,
                                std::string* out) {
  std::unique_ptr<ZipArchive> zip;
  Status s = ZipArchive::OpenBuffer(std::move(bytes), label, limits, &zip);
  if (s.ok()) s = xlsx::ReadModifiedTime(*zip, out);
  return s;
}

}  // namespace icetrack
