#include "parser/xlsx_parts.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "model/ascii_text.h"
#include "parser/number_formats.h"
#include "parser/plain_markup.h"
#include "parser/xml_stream.h"

namespace icetrack::xlsx {

namespace {

std::string_view LastSegment(std::string_view uri) {
  size_t slash = uri.rfind('/');
  return slash == std::string_view::npos ? uri : uri.substr(slash + 1);
}

// A format id, or -1 for anything else (no overflow on hostile numbers).
int FormatId(const std::string_view* v) {
  int64_t id = -1;
  return v && ParseDecimal(*v, INT32_MAX, &id) ? static_cast<int>(id) : -1;
}

bool IsTrue(const std::string_view* v) { return v && (*v == "1" || *v == "true"); }

class RelsHandler : public XmlHandler {
 public:
  RelsHandler(const std::string& source, Relationships* out, bool in_place)
      : source_(source), out_(out), in_place_(in_place) {}
  void OnStart(std::string_view name, XmlAttributes attrs) override {
    if (name == "Relationships") wants_content = in_place_;
    if (name == "Relationship") Add(attrs.Find("Id"), attrs.Find("Type"), attrs.Find("Target"), attrs.Find("TargetMode"));
  }
  void OnEnd(std::string_view) override {}

  // Relationships in Excel's plain form, read in place (parser/plain_markup.h).
  size_t ReadContent(std::string_view rest, XmlNames& names) override {
    size_t read = 0;
    for (size_t length; (length = ReadPlainRelationship(rest.substr(read), names, &plain_)) > 0; read += length)
      Add(ValueOf(plain_.id), ValueOf(plain_.type), ValueOf(plain_.target), ValueOf(plain_.target_mode));
    return read;
  }

 private:
  void Add(const std::string_view* id, const std::string_view* type, const std::string_view* target,
           const std::string_view* mode) {
    if (!id || !target) return;
    bool external = mode && *mode == "External";
    std::string_view type_name = type ? LastSegment(*type) : "";
    if (external) out_->Add(*id, type_name, *target, true);
    else out_->Add(*id, type_name, ResolvePart(source_, std::string(*target)), false);
  }

  const std::string& source_;
  Relationships* out_;
  const bool in_place_;
  PlainRelationship plain_;
};

class WorkbookHandler : public XmlHandler {
 public:
  struct Entry {
    std::string name, rel_id;
  };
  std::vector<Entry> entries;
  bool date1904 = false;
  void OnStart(std::string_view name, XmlAttributes attrs) override {
    if (name == "sheet") {
      const std::string_view* sheet_name = attrs.Find("name");
      const std::string_view* rid = attrs.Find("r:id");
      entries.push_back({sheet_name ? std::string(*sheet_name) : "", rid ? std::string(*rid) : ""});
    } else if (name == "workbookPr") {
      date1904 = IsTrue(attrs.Find("date1904"));
    }
  }
  void OnEnd(std::string_view) override {}
};

class StylesHandler : public XmlHandler {
 public:
  std::map<int, std::string> custom_formats;
  std::vector<int> xf_formats;
  void OnStart(std::string_view name, XmlAttributes attrs) override {
    if (name == "numFmt") {
      const std::string_view* id = attrs.Find("numFmtId");
      const std::string_view* code = attrs.Find("formatCode");
      if (FormatId(id) >= 0 && code) custom_formats[FormatId(id)] = std::string(*code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const std::string_view* id = attrs.Find("numFmtId");
      xf_formats.push_back(id ? FormatId(id) : 0);  // -1: no format, so no date
    }
  }
  void OnEnd(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  bool in_cell_xfs_ = false;
};

// <si><t>text</t></si> or <si><r><t>run</t></r>...</si>; phonetic <rPh> is skipped.
class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings* out, bool in_place) : out_(out), in_place_(in_place) {}
  void OnStart(std::string_view name, XmlAttributes attrs) override {
    if (name == "si") {
      current_.clear();
    } else if (name == "t") {
      in_text_ = phonetic_depth_ == 0;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "sst") {
      const std::string_view* unique = attrs.Find("uniqueCount");
      int64_t count = 0;
      if (unique && ParseDecimal(*unique, int64_t{1} << 26, &count)) out_->ReserveStrings(static_cast<size_t>(count));
      wants_content = in_place_;
    }
  }

  // Strings in Excel's plain form, read in place (parser/plain_markup.h);
  // between them the handler's state is clean (each <si> is whole).
  size_t ReadContent(std::string_view rest, XmlNames& names) override {
    if (in_text_ || phonetic_depth_ != 0) return 0;
    size_t read = 0;
    std::string_view text;
    for (size_t length; (length = ReadPlainSharedString(rest.substr(read), names, &text)) > 0; read += length)
      out_->Add(text);
    return read;
  }
  void OnEnd(std::string_view name) override {
    if (name == "si") out_->Add(current_);
    else if (name == "t") in_text_ = false;
    else if (name == "rPh") --phonetic_depth_;
  }
  void OnText(std::string_view text) override {
    if (in_text_) current_.append(text);
  }

 private:
  SharedStrings* out_;
  const bool in_place_;
  std::string current_;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
};

class CoreHandler : public XmlHandler {
 public:
  std::string modified;
  void OnStart(std::string_view name, XmlAttributes) override { in_ = name == "modified"; }
  void OnEnd(std::string_view) override { in_ = false; }
  void OnText(std::string_view text) override {
    if (in_) modified.append(text);
  }

 private:
  bool in_ = false;
};

}  // namespace

std::string RelsPartFor(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

std::string ResolvePart(const std::string& source_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = target.substr(1);
  } else {
    size_t slash = source_part.rfind('/');
    path = (slash == std::string::npos ? "" : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& seg : parts) out += (out.empty() ? "" : "/") + seg;
  return out;
}

void Relationships::Reserve(size_t part_bytes) {
  text_.reserve(part_bytes);
  entries_.reserve(part_bytes / 64);  // a <Relationship> takes 100 bytes and more
}

void Relationships::Add(std::string_view id, std::string_view type, std::string_view target, bool external) {
  Entry e;
  e.id = static_cast<uint32_t>(text_.size());
  e.type = static_cast<uint32_t>(e.id + id.size());
  e.target = static_cast<uint32_t>(e.type + type.size());
  e.end = static_cast<uint32_t>(e.target + target.size());
  e.external = external;
  text_.append(id).append(type).append(target);
  entries_.push_back(e);
}

void Relationships::Seal() {
  std::stable_sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) { return IdOf(a) < IdOf(b); });
  std::vector<Entry> last;  // of each Id, the one written last (as a map assigned in order would keep)
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (i + 1 < entries_.size() && IdOf(entries_[i + 1]) == IdOf(entries_[i])) continue;
    last.push_back(entries_[i]);
  }
  entries_ = std::move(last);
}

Relationship Relationships::operator[](size_t i) const {
  const Entry& e = entries_[i];
  std::string_view text(text_);
  return {IdOf(e), text.substr(e.type, e.target - e.type), text.substr(e.target, e.end - e.target), e.external};
}

std::optional<Relationship> Relationships::Find(std::string_view id) const {
  auto at = std::lower_bound(entries_.begin(), entries_.end(), id,
                             [&](const Entry& e, std::string_view want) { return IdOf(e) < want; });
  if (at == entries_.end() || IdOf(*at) != id) return std::nullopt;
  return (*this)[static_cast<size_t>(at - entries_.begin())];
}

bool Relationships::HasType(std::string_view type) const {
  for (size_t i = 0; i < size(); ++i) {
    if ((*this)[i].type == type) return true;
  }
  return false;
}

Status ReadRelationships(const ZipArchive& zip, const std::string& rels_part,
                         const std::string& source_part, bool required, Relationships* out, bool in_place) {
  *out = Relationships();
  if (!zip.Has(rels_part)) {
    return required ? Status::Error(zip.label() + ": missing required part " + rels_part)
                    : Status::Ok();
  }
  out->Reserve(zip.DeclaredSize(rels_part));
  RelsHandler handler(source_part, out, in_place);
  Status s = ParseXmlPart(zip, rels_part, &handler);
  out->Seal();
  return s;
}

Status ReadWorkbook(const ZipArchive& zip, WorkbookInfo* out) {
  // The package relationships name the workbook part; xl/workbook.xml is the usual one.
  std::string workbook_part = "xl/workbook.xml";
  Relationships package_rels;
  Status s = ReadRelationships(zip, "_rels/.rels", "", false, &package_rels);
  if (!s.ok()) return s;
  for (size_t i = 0; i < package_rels.size(); ++i) {
    Relationship rel = package_rels[i];
    if (rel.type == "officeDocument" && !rel.external) workbook_part = rel.target;
  }
  if (!zip.Has(workbook_part))
    return Status::Error(zip.label() + ": missing required part " + workbook_part);
  WorkbookHandler handler;
  s = ParseXmlPart(zip, workbook_part, &handler);
  if (!s.ok()) return s;
  Relationships rels;
  s = ReadRelationships(zip, RelsPartFor(workbook_part), workbook_part, true, &rels);
  if (!s.ok()) return s;
  out->date1904 = handler.date1904;
  for (const auto& entry : handler.entries) {
    std::optional<Relationship> rel = rels.Find(entry.rel_id);
    if (!rel)
      return Status::Error(zip.label() + ": " + workbook_part + ": sheet \"" + entry.name +
                           "\" has no relationship " + entry.rel_id);
    out->sheets.push_back({entry.name, std::string(rel->target)});
  }
  if (out->sheets.empty()) return Status::Error(zip.label() + ": " + workbook_part + ": no sheets");
  for (size_t i = 0; i < rels.size(); ++i) {
    Relationship rel = rels[i];
    if (rel.type == "sharedStrings") out->shared_strings_part = rel.target;
    if (rel.type == "styles") out->styles_part = rel.target;
  }
  return Status::Ok();
}

Status ReadDateStyles(const ZipArchive& zip, const std::string& part, std::vector<bool>* out) {
  out->clear();
  if (part.empty() || !zip.Has(part)) return Status::Ok();
  StylesHandler handler;
  Status s = ParseXmlPart(zip, part, &handler);
  if (!s.ok()) return s;
  for (int id : handler.xf_formats) {
    auto custom = handler.custom_formats.find(id);
    out->push_back(custom != handler.custom_formats.end() ? IsDateFormatCode(custom->second)
                                                         : IsBuiltinDateFormat(id));
  }
  return Status::Ok();
}

void SharedStrings::Add(std::string_view text) {
  text_.append(text);
  ends_.push_back(static_cast<uint32_t>(text_.size()));
}

Status ReadSharedStrings(const ZipArchive& zip, const std::string& part, SharedStrings* out, bool in_place) {
  *out = SharedStrings();
  if (part.empty()) return Status::Ok();
  if (!zip.Has(part)) return Status::Error(zip.label() + ": missing required part " + part);
  out->ReserveText(zip.DeclaredSize(part));
  SharedStringsHandler handler(out, in_place);
  return ParseXmlPart(zip, part, &handler);
}

Status ReadModifiedTime(const ZipArchive& zip, std::string* out) {
  out->clear();
  if (!zip.Has("docProps/core.xml")) return Status::Ok();
  CoreHandler handler;
  Status s = ParseXmlPart(zip, "docProps/core.xml", &handler);
  if (s.ok()) *out = handler.modified;
  return s;
}

}  // namespace icetrack::xlsx
