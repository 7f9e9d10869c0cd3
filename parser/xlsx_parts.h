// Internal to parser/: readers for the small parts of an xlsx package
// (relationships, workbook, styles, shared strings, core properties).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "model/status.h"
#include "parser/xlsx_reader.h"
#include "parser/zip_archive.h"

namespace icetrack::xlsx {

struct Relationship {
  std::string_view id;
  std::string_view type;    // last path segment of the Type URI, e.g. "worksheet", "hyperlink"
  std::string_view target;  // resolved part name, or the URL when external
  bool external = false;
};

// The relationships of one part, by Id (the last written, when one is
// repeated), their text end to end in one buffer: a sheet may hold 65,530
// hyperlinks, each a relationship, and a map of strings cost 200 bytes
// each. Views stay valid while this lives and nothing is added. The text
// is about the part's size, at most ZipLimits::max_part_bytes (1 GiB), so
// 32-bit offsets are enough.
class Relationships {
 public:
  // Reserved, not touched (as SharedStrings): pages are taken as they fill.
  void Reserve(size_t part_bytes);
  void Add(std::string_view id, std::string_view type, std::string_view target, bool external);
  void Seal();  // after the last Add: sorts by Id, the last of a repeated Id kept
  size_t size() const { return entries_.size(); }
  Relationship operator[](size_t i) const;  // by Id
  std::optional<Relationship> Find(std::string_view id) const;
  bool HasType(std::string_view type) const;

 private:
  struct Entry {
    uint32_t id, type, target, end;  // offsets into text_: id, type, target end to end
    bool external;
  };
  std::string_view IdOf(const Entry& e) const { return std::string_view(text_).substr(e.id, e.type - e.id); }
  std::string text_;
  std::vector<Entry> entries_;
};

// "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"
std::string RelsPartFor(const std::string& part);
// Resolves `target` relative to the folder of `source_part` ("/x" is absolute).
std::string ResolvePart(const std::string& source_part, const std::string& target);

// Reads `rels_part`; a missing part gives an empty map unless `required`.
// `in_place`: plain relationships read in place (parser/plain_markup.h);
// false reads every one as XML events, to compare (the same map either way).
Status ReadRelationships(const ZipArchive& zip, const std::string& rels_part,
                         const std::string& source_part, bool required, Relationships* out,
                         bool in_place = true);

struct WorkbookInfo {
  std::vector<SheetInfo> sheets;
  bool date1904 = false;
  std::string shared_strings_part;  // empty when none
  std::string styles_part;
};
Status ReadWorkbook(const ZipArchive& zip, WorkbookInfo* out);

// Per cellXfs index: whether that style shows numbers as dates.
Status ReadDateStyles(const ZipArchive& zip, const std::string& part, std::vector<bool>* out);

// The workbook's shared strings, end to end in one buffer: a million short
// strings cost their bytes and four bytes each, not a std::string each
// (32 bytes and, past 15 characters, an allocation of their own). Views stay
// valid while this lives and nothing is added. A part is at most
// ZipLimits::max_part_bytes (1 GiB), so 32-bit ends are enough.
class SharedStrings {
 public:
  // Reserved, not touched: pages are only taken as strings fill them, and
  // nothing is copied as they grow.
  void ReserveText(size_t bytes) { text_.reserve(bytes); }
  void ReserveStrings(size_t count) { ends_.reserve(count); }
  void Add(std::string_view text);
  size_t size() const { return ends_.size(); }
  std::string_view operator[](size_t i) const {
    size_t start = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(start, ends_[i] - start);
  }

 private:
  std::string text_;
  std::vector<uint32_t> ends_;
};

// `in_place` as for ReadRelationships.
Status ReadSharedStrings(const ZipArchive& zip, const std::string& part, SharedStrings* out, bool in_place = true);

// dcterms:modified of docProps/core.xml; empty when the part is absent.
Status ReadModifiedTime(const ZipArchive& zip, std::string* out);

}  // namespace icetrack::xlsx
