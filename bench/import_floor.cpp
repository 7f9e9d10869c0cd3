// import_floor: the floor under `icetrack import` (issue 11), run by hand.
//
// For every .xlsx given (files, or folders searched below as `import` does),
// it does only the work no reader of the workbook can skip, with the same
// libraries icetrack uses: the file is read into memory, opened as a zip from
// that buffer (libzip, ZIP_CHECKCONS, as parser/zip_archive.cpp does), and
// each part icetrack reads is inflated in 64 KiB chunks and fed to expat
// (no namespace processing, as parser/xml_stream.cpp) whose handlers only
// count elements and character bytes. No cells, no roster, no diff, no SQLite.
//
// The parts, once each, found as icetrack finds them:
//   _rels/.rels                   -> the workbook part (xl/workbook.xml usually)
//   xl/workbook.xml               -> the first <sheet>'s r:id
//   xl/_rels/workbook.xml.rels    -> that sheet's part, sharedStrings, styles
//   the first sheet's part and its _rels (xl/worksheets/_rels/sheet1.xml.rels)
//   xl/sharedStrings.xml, xl/styles.xml, docProps/core.xml
// Resolving them takes a few attributes from the package, workbook and
// relationships parts; every other handler only counts.
//
// Why: import time divided by this program's time, on the same files in the
// same run, says how far icetrack is from what inflating and tokenizing the
// XML costs (target: <= 1.5x). bench/import_bench.sh prints that ratio.
//
// Usage: import_floor FILE|DIR...   Prints the totals (workbooks, parts,
// compressed and XML bytes, elements, character bytes) so that a reader can
// check it did the work; exit 1 if a workbook could not be read.
#include <expat.h>
#include <zip.h>

#include "fetcher/local_file.h"
#include "parser/xlsx_parts.h"  // part names resolved as icetrack resolves them (not timed apart)

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Totals {
  uint64_t workbooks = 0, parts = 0, file_bytes = 0, xml_bytes = 0, elements = 0, text_bytes = 0;
};

// What a part's handlers keep: counts, and for the few parts that locate
// others, the attributes needed to do so.
struct PartState {
  enum class Kind { Count, PackageRels, Workbook, Rels } kind = Kind::Count;
  uint64_t elements = 0, text_bytes = 0;
  std::string first_sheet_rid;                               // Workbook
  std::map<std::string, std::pair<std::string, std::string>> rels;  // Rels: Id -> (Type, Target)
};

std::string_view LocalName(std::string_view name) {
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<PartState*>(data);
  ++st->elements;
  if (st->kind == PartState::Kind::Count) return;
  std::string_view local = LocalName(name);
  if (st->kind == PartState::Kind::Workbook) {
    if (local != "sheet" || !st->first_sheet_rid.empty()) return;
    for (int i = 0; attrs[i]; i += 2)
      if (LocalName(attrs[i]) == "id" && std::string_view(attrs[i]) != "id") st->first_sheet_rid = attrs[i + 1];
    return;
  }
  if (local != "Relationship") return;
  std::string id, type, target;
  for (int i = 0; attrs[i]; i += 2) {
    std::string_view a = attrs[i];
    if (a == "Id") id = attrs[i + 1];
    else if (a == "Type") type = attrs[i + 1];
    else if (a == "Target") target = attrs[i + 1];
  }
  size_t slash = type.rfind('/');
  if (slash != std::string::npos) type = type.substr(slash + 1);
  st->rels[id] = {type, target};
}

void XMLCALL OnEnd(void*, const XML_Char*) {}

void XMLCALL OnText(void* data, const XML_Char*, int len) {
  static_cast<PartState*>(data)->text_bytes += static_cast<uint64_t>(len);
}

// Inflates `part` in 64 KiB chunks into a fresh expat parser. A missing part
// is not an error (false, nothing counted); a broken one is (message in *error).
bool ParsePart(zip_t* zip, const std::string& part, PartState* st, Totals* totals, std::string* error) {
  zip_int64_t index = zip_name_locate(zip, part.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return false;
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    *error = part + ": cannot open part";
    return false;
  }
  XML_Parser parser = XML_ParserCreate(nullptr);
  XML_SetUserData(parser, st);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  char chunk[64 * 1024];
  for (;;) {
    zip_int64_t n = zip_fread(file, chunk, sizeof chunk);
    if (n < 0) {
      *error = part + ": damaged data";
      break;
    }
    totals->xml_bytes += static_cast<uint64_t>(n);
    if (XML_Parse(parser, chunk, static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
      *error = part + ": " + XML_ErrorString(XML_GetErrorCode(parser));
      break;
    }
    if (n == 0) break;
  }
  XML_ParserFree(parser);
  zip_fclose(file);
  ++totals->parts;
  totals->elements += st->elements;
  totals->text_bytes += st->text_bytes;
  return error->empty();
}

bool CountPart(zip_t* zip, const std::string& part, Totals* totals, std::string* error) {
  PartState st;
  ParsePart(zip, part, &st, totals, error);
  return error->empty();
}

// One workbook: every part icetrack reads, once. False (and *error) if broken.
bool ReadWorkbook(const std::string& path, Totals* totals, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(path, ec);
  std::string bytes(ec ? 0 : static_cast<size_t>(size), '\0');
  if (!in || ec || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    *error = "cannot read";
    return false;
  }
  totals->file_bytes += bytes.size();
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : nullptr;
  if (!zip) {
    if (source) zip_source_free(source);
    *error = std::string("not a zip: ") + zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return false;
  }
  zip_error_fini(&zerr);

  std::string workbook = "xl/workbook.xml";
  PartState package;
  package.kind = PartState::Kind::PackageRels;
  ParsePart(zip, "_rels/.rels", &package, totals, error);
  for (const auto& [id, rel] : package.rels)
    if (rel.first == "officeDocument") workbook = icetrack::xlsx::ResolvePart("", rel.second);

  PartState book;
  book.kind = PartState::Kind::Workbook;
  PartState book_rels;
  book_rels.kind = PartState::Kind::Rels;
  std::string sheet, shared, styles;
  if (error->empty() && ParsePart(zip, workbook, &book, totals, error) &&
      ParsePart(zip, icetrack::xlsx::RelsPartFor(workbook), &book_rels, totals, error)) {
    for (const auto& [id, rel] : book_rels.rels) {
      if (id == book.first_sheet_rid) sheet = icetrack::xlsx::ResolvePart(workbook, rel.second);
      if (rel.first == "sharedStrings") shared = icetrack::xlsx::ResolvePart(workbook, rel.second);
      if (rel.first == "styles") styles = icetrack::xlsx::ResolvePart(workbook, rel.second);
    }
    if (sheet.empty() && error->empty()) *error = workbook + ": no first sheet";
  } else if (error->empty()) {
    *error = "missing " + workbook + " or its relationships";
  }
  if (error->empty()) {
    PartState sheet_state;
    if (!ParsePart(zip, sheet, &sheet_state, totals, error) && error->empty()) *error = "missing " + sheet;
  }
  if (error->empty()) CountPart(zip, icetrack::xlsx::RelsPartFor(sheet), totals, error);
  if (error->empty() && !shared.empty()) CountPart(zip, shared, totals, error);
  if (error->empty() && !styles.empty()) CountPart(zip, styles, totals, error);
  if (error->empty()) CountPart(zip, "docProps/core.xml", totals, error);
  zip_discard(zip);
  if (error->empty()) ++totals->workbooks;
  return error->empty();
}

// Files as given; folders as the .xlsx files below them (any case), sorted.
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: import_floor FILE|DIR...\n");
    return 2;
  }
  Totals totals;
  int failures = 0;
  // The files as `icetrack import` finds them (the walk is not timed apart: it is a few stat calls).
  std::vector<std::string> problems;
  std::vector<std::string> files = icetrack::FindWorkbookFiles(std::vector<std::string>(argv + 1, argv + argc), &problems);
  for (const std::string& problem : problems) std::fprintf(stderr, "import_floor: %s\n", problem.c_str());
  for (const std::string& path : files) {
    std::string error;
    if (!ReadWorkbook(path, &totals, &error)) {
      std::fprintf(stderr, "import_floor: %s: %s\n", path.c_str(), error.c_str());
      ++failures;
    }
  }
  std::printf("%llu workbooks, %llu parts, %llu file bytes, %llu XML bytes, %llu elements, %llu text bytes\n",
              static_cast<unsigned long long>(totals.workbooks), static_cast<unsigned long long>(totals.parts),
              static_cast<unsigned long long>(totals.file_bytes), static_cast<unsigned long long>(totals.xml_bytes),
              static_cast<unsigned long long>(totals.elements), static_cast<unsigned long long>(totals.text_bytes));
  return failures ? 1 : 0;
}
