#include "parser/xlsx_reader.h"

#include <algorithm>
#include <cstdlib>

#include "model/ascii_text.h"
#include "parser/plain_markup.h"
#include "parser/sheet_hyperlinks.h"
#include "parser/xlsx_parts.h"
#include "parser/xml_stream.h"

namespace icetrack {

struct XlsxReader::Impl {
  std::unique_ptr<ZipArchive> zip;
  xlsx::WorkbookInfo workbook;
  std::vector<bool> date_styles;
  xlsx::SharedStrings shared_strings;
  std::string modified_time;
  SheetLimits limits;
  bool plain_markup = true;
};

namespace {

// A cell's t="..." (ECMA-376 ST_CellType); anything unknown is read as a number, as "n" is.
enum class CellType { Number, Shared, Inline, Formula, Date, Boolean, Error };

CellType CellTypeOf(std::string_view t) {
  if (t == "s") return CellType::Shared;
  if (t == "inlineStr") return CellType::Inline;
  if (t == "str") return CellType::Formula;
  if (t == "d") return CellType::Date;
  if (t == "b") return CellType::Boolean;
  if (t == "e") return CellType::Error;
  return CellType::Number;
}

// Streams <sheetData> rows to a callback; collects <dimension> and <mergeCell>.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const XlsxReader::Impl& book, xlsx::SheetHyperlinks& links,
               const std::function<bool(const TableRow&)>& on_row, SheetSummary* summary)
      : book_(book), links_(links), on_row_(on_row), summary_(summary), plain_rows_(book.plain_markup) {}

  std::string error;  // first problem found; the parse stops there

  void OnStart(std::string_view name, XmlAttributes attrs) override {
    if (name == "c") StartCell(attrs.Find("r"), attrs.Find("s"), attrs.Find("t"));
    else if (name == "v") Collect(&value_);
    else if (name == "t" && in_inline_ && phonetic_depth_ == 0) Collect(&inline_text_);
    else if (name == "is") in_inline_ = true;
    else if (name == "rPh") ++phonetic_depth_;
    else if (name == "row") StartRow(attrs.Find("r"));
    else if (name == "sheetData") wants_content = plain_rows_;
    else if (name == "hyperlinks") wants_content = plain_rows_, in_hyperlinks_ = true;
    else if (name == "dimension") summary_->dimension = Attr(attrs, "ref");
    else if (name == "mergeCell") summary_->merged_ranges.push_back(Attr(attrs, "ref"));
  }

  // The rows in Excel's plain form, read where they lie (parser/plain_markup.h)
  // through the same steps as their events; the first other row, or
  // anything else, is left to the XML reader.
  size_t ReadContent(std::string_view rest, XmlNames& names) override {
    if (in_hyperlinks_) return SkipPlainHyperlinks(rest, names);
    if (target_ || in_row_) return 0;  // (never, between rows: each child of <sheetData> is whole)
    size_t read = 0;
    while (!stop_requested) {
      size_t length = xlsx::ReadPlainRow(rest.substr(read), names, &plain_);
      if (length == 0) break;
      int before = summary_->rows;
      AddPlainRow();
      summary_->rows_in_place += summary_->rows - before;
      read += length;
    }
    return read;
  }

  void OnEnd(std::string_view name) override {
    if (name == "v" || name == "t") target_ = nullptr;
    else if (name == "c") EndCell();
    else if (name == "is") in_inline_ = false;
    else if (name == "rPh") --phonetic_depth_;
    else if (name == "row") EndRow();
    else if (name == "hyperlinks") in_hyperlinks_ = false;
  }

  void OnText(std::string_view text) override {
    if (target_) target_->append(text);
  }

 private:
  static std::string Attr(XmlAttributes attrs, std::string_view name) {
    const std::string_view* v = attrs.Find(name);
    return v ? std::string(*v) : "";
  }
  void Collect(std::string* target) { target_ = target; }
  void Fail(std::string message) {
    if (error.empty()) error = std::move(message);
    stop_requested = true;
  }

  // The hyperlinks (read before the rows, by SheetHyperlinks) stepped over
  // where they are plain: this pass only checks that the sheet is well formed.
  size_t SkipPlainHyperlinks(std::string_view rest, XmlNames& names) {
    size_t read = 0;
    for (size_t length; (length = xlsx::ReadPlainHyperlink(rest.substr(read), names, &skipped_link_)) > 0;)
      read += length;
    return read;
  }

  void AddPlainRow() {
    StartRow(xlsx::ValueOf(plain_.r));
    for (const xlsx::PlainCell& cell : plain_.cells) {
      if (stop_requested) return;
      StartCell(xlsx::ValueOf(cell.r), xlsx::ValueOf(cell.s), xlsx::ValueOf(cell.t));
      if (stop_requested) return;
      value_.assign(cell.v);
      EndCell();
    }
    EndRow();
  }

  void StartRow(const std::string_view* r) {
    // A row inside a row would be delivered twice, at both ends.
    if (in_row_) return Fail("row inside row " + std::to_string(row_.row));
    in_row_ = true;
    int64_t index = row_.row + 1;
    if (r && !ParseDecimal(*r, xlsx::kSheetRows, &index)) return Fail("row \"" + std::string(*r) + "\" is not a row number");
    if (index < 1 || index > xlsx::kSheetRows || index <= row_.row)
      return Fail("row " + std::to_string(index) + " is out of order");
    row_.row = static_cast<int>(index);
    row_.cells.clear();
    column_ = -1;
    if (!links_.empty()) links_.Row(row_.row);
  }

  void StartCell(const std::string_view* r, const std::string_view* s, const std::string_view* t) {
    int row = row_.row, col = column_ + 1;
    if (r && !xlsx::ParseCellRef(*r, &row, &col)) return Fail("bad cell reference \"" + std::string(*r) + "\"");
    // Excel writes cells left to right; one written out of order would pair
    // values with the wrong headers.
    if (col <= column_) return Fail("cell " + CellName(row_.row, col) + " is out of order");
    if (col >= xlsx::kSheetColumns)
      return Fail("row " + std::to_string(row_.row) + " has more than " + std::to_string(xlsx::kSheetColumns) + " columns");
    column_ = col;
    type_ = t ? CellTypeOf(*t) : CellType::Number;
    style_ = 0;
    if (s && !ParseDecimal(*s, INT32_MAX, &style_))
      return Fail("cell " + CellName(row_.row, column_) + ": style \"" + std::string(*s) + "\" is not a style number");
    value_.clear();
    inline_text_.clear();
  }

  // The cell is built where it is kept (a dozen a row, tens of thousands a
  // sheet: moving each twice cost more than reading it).
  void EndCell() {
    Cell& cell = row_.cells.emplace_back();
    cell.column = column_;
    if (!Fill(&cell) || !Keep(&cell)) row_.cells.pop_back();
  }

  // The cell's value, by its type; false when the cell is refused (the parse stops).
  bool Fill(Cell* cell) {
    if (type_ == CellType::Shared) {
      if (value_.empty()) return true;
      int64_t index = 0;
      if (!ParseDecimal(value_, static_cast<int64_t>(book_.shared_strings.size()) - 1, &index))
        return Fail("cell " + CellName(row_.row, column_) + ": shared string " + value_ + " does not exist"), false;
      cell->kind = CellKind::String;
      cell->shared = book_.shared_strings[static_cast<size_t>(index)];
      cell->is_shared = true;
    } else if (type_ == CellType::Inline) {
      cell->kind = CellKind::String;
      cell->written = std::move(inline_text_);
    } else if (type_ == CellType::Formula || type_ == CellType::Date) {
      cell->kind = CellKind::String;
      cell->written = std::move(value_);
      cell->is_date = type_ == CellType::Date;
    } else if (type_ == CellType::Boolean) {
      cell->kind = CellKind::Boolean;
      cell->number = value_ == "1" ? 1 : 0;
      cell->written = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == CellType::Error) {
      cell->kind = CellKind::Error;
      cell->written = std::move(value_);
    } else if (!value_.empty()) {
      char* end = nullptr;
      cell->number = std::strtod(value_.c_str(), &end);
      if (*end != '\0') return Fail("cell " + CellName(row_.row, column_) + ": \"" + value_ + "\" is not a number"), false;
      cell->kind = CellKind::Number;
      cell->written = std::move(value_);
      cell->is_date = static_cast<uint64_t>(style_) < book_.date_styles.size() &&
                      book_.date_styles[static_cast<size_t>(style_)];
    }
    return true;
  }

  // Whether the cell is kept: it has a value or a link, within the sheet's limits.
  bool Keep(Cell* cell) {
    if (cell->kind == CellKind::String && cell->Text().empty()) cell->kind = CellKind::Empty;
    if (!links_.empty()) {
      if (const std::string_view* url = links_.Find(cell->column)) cell->hyperlink = *url;
    }
    if (cell->kind == CellKind::Empty && cell->hyperlink.empty()) return false;
    return Count(*cell);
  }

  // The sheet's total work against its limits; false (and the parse stops) beyond them.
  bool Count(const Cell& cell) {
    text_bytes_ += static_cast<int64_t>(cell.Text().size() + cell.hyperlink.size());
    const SheetLimits& limits = book_.limits;
    if (++cells_ <= limits.max_cells && text_bytes_ <= limits.max_text_bytes) return true;
    std::string over = cells_ > limits.max_cells ? std::to_string(limits.max_cells) + " cells"
                                                 : std::to_string(limits.max_text_bytes) + " bytes of text";
    Fail("more than " + over + " (a limit against hostile workbooks)");
    return false;
  }

  void EndRow() {
    if (stop_requested || !in_row_) return;
    in_row_ = false;
    AddLinkedEmptyCells();
    if (stop_requested) return;
    if (row_.cells.empty()) return;
    ++summary_->rows;
    if (!on_row_(row_)) stop_requested = true;
  }

  // A linked cell with no value (or no <c> at all) is still a cell, with its
  // link. Both lists ascend: merged in one pass (inserting one by one was
  // quadratic in a row of 16,384 linked columns).
  void AddLinkedEmptyCells() {
    if (links_.empty()) return;
    const std::vector<xlsx::LinkedCell>& linked = links_.Row(row_.row);
    if (linked.empty()) return;
    merged_.clear();
    size_t next = 0;
    for (const xlsx::LinkedCell& link : linked) {
      while (next < row_.cells.size() && row_.cells[next].column < link.column) merged_.push_back(std::move(row_.cells[next++]));
      if (next < row_.cells.size() && row_.cells[next].column == link.column) continue;
      Cell cell;
      cell.column = link.column;
      cell.hyperlink = link.url;
      if (!Count(cell)) return;
      merged_.push_back(std::move(cell));
    }
    while (next < row_.cells.size()) merged_.push_back(std::move(row_.cells[next++]));
    row_.cells.swap(merged_);
  }

  const XlsxReader::Impl& book_;
  xlsx::SheetHyperlinks& links_;
  const std::function<bool(const TableRow&)>& on_row_;
  SheetSummary* summary_;
  TableRow row_;
  std::vector<Cell> merged_;  // scratch of AddLinkedEmptyCells
  int column_ = -1;
  CellType type_ = CellType::Number;
  int64_t style_ = 0;
  int64_t cells_ = 0, text_bytes_ = 0;
  std::string value_, inline_text_;
  std::string* target_ = nullptr;
  bool in_inline_ = false, in_row_ = false;
  int phonetic_depth_ = 0;
  const bool plain_rows_;  // whether plain rows are read in place (XlsxReader::set_plain_markup)
  xlsx::PlainRow plain_;   // scratch of ReadContent
  xlsx::PlainHyperlink skipped_link_;  // scratch of SkipPlainHyperlinks
  bool in_hyperlinks_ = false;
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
  Status s = ZipArchive::OpenBuffer(std::move(bytes), label, limits, &zip);
  return s.ok() ? FromZip(std::move(zip), out) : s;
}

Status XlsxReader::OpenFile(int fd, const std::string& label, const ZipLimits& limits,
                            std::unique_ptr<XlsxReader>* out) {
  std::unique_ptr<ZipArchive> zip;
  Status s = ZipArchive::OpenFile(fd, label, limits, &zip);
  return s.ok() ? FromZip(std::move(zip), out) : s;
}

Status XlsxReader::FromZip(std::unique_ptr<ZipArchive> zip, std::unique_ptr<XlsxReader>* out) {
  std::unique_ptr<Impl> impl;
  Status s = Load(std::move(zip), &impl);
  if (s.ok()) out->reset(new XlsxReader(std::move(impl)));
  return s;
}

const std::string& XlsxReader::label() const { return impl_->zip->label(); }
const std::vector<SheetInfo>& XlsxReader::sheets() const { return impl_->workbook.sheets; }
bool XlsxReader::date1904() const { return impl_->workbook.date1904; }
const std::string& XlsxReader::modified_time() const { return impl_->modified_time; }
void XlsxReader::set_sheet_limits(const SheetLimits& limits) { impl_->limits = limits; }
void XlsxReader::set_plain_markup(bool in_place) { impl_->plain_markup = in_place; }

uint64_t XlsxReader::DeclaredSheetBytes(size_t index) const {
  return index < sheets().size() ? impl_->zip->DeclaredSize(sheets()[index].part) : 0;
}

Status XlsxReader::ReadSheet(size_t index, const std::function<bool(const TableRow&)>& on_row,
                             SheetSummary* summary) const {
  if (index >= sheets().size()) return Status::Error(label() + ": no sheet #" + std::to_string(index + 1));
  const std::string& part = sheets()[index].part;
  const ZipArchive& zip = *impl_->zip;
  if (!zip.Has(part)) return Status::Error(label() + ": missing required part " + part);
  xlsx::Relationships rels;
  Status s = xlsx::ReadRelationships(zip, xlsx::RelsPartFor(part), part, false, &rels, impl_->plain_markup);
  if (!s.ok()) return s;
  // Inflated once for its hyperlinks (they follow the rows), a sheet of
  // ordinary size is kept and parsed from memory, not inflated again.
  constexpr size_t kKeepSheetBytes = size_t{8} << 20;  // ten times ICE's largest sheet
  xlsx::SheetHyperlinks links(impl_->limits.max_hyperlinks, impl_->limits.max_linked_cells);
  std::string inflated;
  s = links.Read(zip, part, rels, kKeepSheetBytes, &inflated, impl_->plain_markup);
  if (!s.ok()) return s;
  SheetSummary local;
  if (!summary) summary = &local;
  *summary = SheetSummary();
  summary->hyperlinks = links.count();
  SheetHandler handler(*impl_, links, on_row, summary);
  s = inflated.empty() ? ParseXmlPart(zip, part, &handler) : ParseXmlText(inflated, label() + ": " + part, &handler);
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
