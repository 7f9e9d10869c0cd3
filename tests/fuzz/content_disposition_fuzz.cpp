// Fuzz target: the file name of a Content-Disposition header. Invariants:
// the name is safe to join to a folder (never "." or "..", no "/", "\" or
// NUL), valid UTF-8, and the same when read twice.
#include "model/text_fold.h"
#include "net/content_disposition.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header = icetrack::fuzz::Text(data, size);
  std::string name = icetrack::ContentDispositionFilename(header);
  FUZZ_CHECK(name != "." && name != "..");
  FUZZ_CHECK(name.find_first_of(std::string("/\\\0", 3)) == std::string::npos);
  FUZZ_CHECK(icetrack::IsValidUtf8(name));
  FUZZ_CHECK(icetrack::ContentDispositionFilename(header) == name);
  return 0;
}
