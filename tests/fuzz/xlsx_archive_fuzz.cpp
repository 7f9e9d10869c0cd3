// Fuzz target: the xlsx reader and the roster reader on whole archives.
// Seeds: the fixture workbooks (scripts/fuzz.sh). Mutated zip bytes mostly
// test libzip and the archive checks; xlsx_part_fuzz reaches the XML.
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/workbook_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  icetrack::fuzz::CheckWorkbook(std::string(icetrack::fuzz::Text(data, size)));
  return 0;
}
