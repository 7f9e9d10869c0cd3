// Hand-made and altered zip packages, for the bad-input tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace icetrack::test {

using Parts = std::vector<std::pair<std::string, std::string>>;  // name, content

Parts ReadZipParts(const std::string& path);
// Writes `parts` (deflated) to a new zip at `path`.
void WriteZip(const std::string& path, const Parts& parts);
// The bytes of a zip of `parts` (deflated), made in memory.
std::string ZipBytes(const Parts& parts);
// Copies `src` to `dst` with part `name` replaced (or removed, when `content` is null).
void ReplacePart(const std::string& src, const std::string& dst, const std::string& name,
                 const std::string* content);
// The parts of a minimal, valid one-sheet workbook whose sheet XML is `sheet_xml`.
// A worksheet part around `data` (rows), with `after` after <sheetData>.
std::string SheetXml(const std::string& data, const std::string& after = "");

Parts MinimalWorkbook(const std::string& sheet_xml, const std::string& shared_strings_xml = "");

}  // namespace icetrack::test
