#include "tests/support/zip_files.h"

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace icetrack::test {

Parts ReadZipParts(const std::string& path) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) throw std::runtime_error("cannot open " + path);
  Parts parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string content(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    zip_fread(f, content.data(), st.size);
    zip_fclose(f);
    parts.emplace_back(st.name, std::move(content));
  }
  zip_discard(z);
  return parts;
}

namespace {

void AddParts(zip_t* z, const Parts& parts) {
  for (const auto& [name, content] : parts) {
    // libzip keeps the pointer until zip_close: copy into a malloc'd buffer it frees.
    // (An empty part gets no buffer: libzip would never free one of length 0.)
    void* copy = content.empty() ? nullptr : std::malloc(content.size());
    std::copy(content.begin(), content.end(), static_cast<char*>(copy));
    zip_source_t* src = zip_source_buffer(z, copy, content.size(), copy != nullptr);
    if (zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0)
      throw std::runtime_error("cannot add " + name);
  }
}

}  // namespace

void WriteZip(const std::string& path, const Parts& parts) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) throw std::runtime_error("cannot create " + path);
  AddParts(z, parts);
  if (zip_close(z) != 0) throw std::runtime_error("cannot write " + path);
}

std::string ZipBytes(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* z = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
  if (!z) throw std::runtime_error("cannot make a zip in memory");
  zip_source_keep(buffer);  // zip_close frees the archive; the bytes are read after it
  AddParts(z, parts);
  if (zip_close(z) != 0) throw std::runtime_error("cannot write a zip in memory");
  std::string bytes;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    bytes.resize(st.size);
    zip_int64_t n = zip_source_read(buffer, bytes.data(), st.size);
    bytes.resize(n < 0 ? 0 : static_cast<size_t>(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

void ReplacePart(const std::string& src, const std::string& dst, const std::string& name,
                 const std::string* content) {
  Parts parts = ReadZipParts(src);
  Parts out;
  for (auto& [n, c] : parts) {
    if (n != name) out.emplace_back(n, c);
    else if (content) out.emplace_back(n, *content);
  }
  WriteZip(dst, out);
}

std::string SheetXml(const std::string& data, const std::string& after) {
  return "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<dimension ref=\"A1:C3\"/><sheetData>" + data + "</sheetData>" + after + "</worksheet>";
}

Parts MinimalWorkbook(const std::string& sheet_xml, const std::string& shared_strings_xml) {
  const std::string ns = "http://schemas.openxmlformats.org/";
  Parts parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"" + ns + "package/2006/content-types\"/>"},
      {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns +
                          "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
                          "officeDocument/2006/relationships/officeDocument\" "
                          "Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + ns +
                              "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
                              "officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" "
                              "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns +
           "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
           "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
           (shared_strings_xml.empty() ? "" : "<Relationship Id=\"rId2\" Type=\"" + ns +
               "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
           "</Relationships>"},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
  if (!shared_strings_xml.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings_xml);
  return parts;
}

}  // namespace icetrack::test
