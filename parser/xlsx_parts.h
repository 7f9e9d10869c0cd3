// Internal to parser/: readers for the small parts of an xlsx package
// (relationships, workbook, styles, shared strings, core properties).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/status.h"
#include "parser/xlsx_reader.h"
#include "parser/zip_archive.h"

namespace icetrack::xlsx {

struct Relationship {
  std::string type;    // last path segment of the Type URI, e.g. "worksheet", "hyperlink"
  std::string target;  // resolved part name, or the URL when external
  bool external = false;
};
using Relationships = std::map<std::string, Relationship>;  // by Id

// "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"
std::string RelsPartFor(const std::string& part);
// Resolves `target` relative to the folder of `source_part` ("/x" is absolute).
std::string ResolvePart(const std::string& source_part, const std::string& target);

// Reads `rels_part`; a missing part gives an empty map unless `required`.
Status ReadRelationships(const ZipArchive& zip, const std::string& rels_part,
                         const std::string& source_part, bool required, Relationships* out);

struct WorkbookInfo {
  std::vector<SheetInfo> sheets;
  bool date1904 = false;
  std::string shared_strings_part;  // empty when none
  std::string styles_part;
};
Status ReadWorkbook(const ZipArchive& zip, WorkbookInfo* out);

// Per cellXfs index: whether that style shows numbers as dates.
Status ReadDateStyles(const ZipArchive& zip, const std::string& part, std::vector<bool>* out);

Status ReadSharedStrings(const ZipArchive& zip, const std::string& part,
                         std::vector<std::string>* out);

// dcterms:modified of docProps/core.xml; empty when the part is absent.
Status ReadModifiedTime(const ZipArchive& zip, std::string* out);

}  // namespace icetrack::xlsx
