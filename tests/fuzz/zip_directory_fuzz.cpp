// Fuzz target: icetrack's own zip directory reader (parser/zip_directory.h)
// and the parts read through it, on whole archives. Seeds: small archives of
// every form (scripts/fuzz.sh writes them with Python's zipfile: stored,
// deflated, Zip64, a comment) and the fixture workbooks.
// Invariants: nothing is read outside the archive; every part's data lies
// between its local header and the directory; and wherever libzip (which
// the reader replaced) opens the same bytes with its consistency checks, it
// finds the same parts, and any part both read whole has the same bytes.
#include <zip.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "parser/zip_archive.h"
#include "parser/zip_directory.h"
#include "tests/fuzz/fuzz_check.h"

namespace icetrack::fuzz {
namespace {

struct LibzipArchive {
  zip_t* zip = nullptr;
  explicit LibzipArchive(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (source && !zip) zip_source_free(source);
    zip_error_fini(&error);
  }
  ~LibzipArchive() {
    if (zip) zip_discard(zip);
  }
  // Part `name`, whole, or false when libzip cannot read it.
  bool Read(const std::string& name, std::string* out) const {
    zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
    if (!file) return false;
    out->clear();
    char chunk[16384];
    zip_int64_t n = 0;
    while ((n = zip_fread(file, chunk, sizeof chunk)) > 0) out->append(chunk, static_cast<size_t>(n));
    zip_fclose(file);
    return n == 0;
  }
};

void CheckDirectory(const std::string& bytes) {
  std::vector<ZipEntry> entries;
  Status s = ReadZipDirectory(bytes.size(), [&](uint64_t offset, size_t length, char* out) {
    FUZZ_CHECK(offset <= bytes.size() && length <= bytes.size() - offset);  // never asked past the end
    std::copy_n(bytes.data() + offset, length, out);
    return true;
  }, &entries);
  FUZZ_CHECK(s.ok() || entries.empty());
  for (const ZipEntry& e : entries) {
    FUZZ_CHECK(e.data_offset >= 30 + e.name.size());
    FUZZ_CHECK(e.data_offset <= bytes.size() && e.packed_size <= bytes.size() - e.data_offset);
  }
}

void CheckAgainstLibzip(const std::string& bytes) {
  std::unique_ptr<ZipArchive> ours;
  ZipLimits limits;
  limits.max_part_bytes = limits.max_total_bytes = 64u << 20;  // within the fuzzer's memory
  if (!ZipArchive::OpenBuffer(bytes, "fuzz.zip", limits, &ours).ok()) return;
  LibzipArchive theirs(bytes);
  if (!theirs.zip) return;
  std::set<std::string> their_names;
  zip_int64_t n = zip_get_num_entries(theirs.zip, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(theirs.zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name) their_names.insert(name);
  }
  for (const std::string& name : their_names) {
    FUZZ_CHECK(ours->Has(name));
    std::string mine, libzips;
    if (ours->ReadAll(name, &mine).ok() && theirs.Read(name, &libzips)) FUZZ_CHECK(mine == libzips);
  }
}

}  // namespace
}  // namespace icetrack::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(icetrack::fuzz::Text(data, size));
  icetrack::fuzz::CheckDirectory(bytes);
  icetrack::fuzz::CheckAgainstLibzip(bytes);
  return 0;
}
