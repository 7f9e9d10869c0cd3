// Fuzz target: the Internet Archive's CDX answer (fetcher/wayback.h) and the
// capture times in it. Invariants: either an error naming the index and no
// captures, or captures each with a URL, a digest and a 14-digit time that
// reads as a real instant and back; the same answer read twice gives the same.
#include "fetcher/wayback.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view json = icetrack::fuzz::Text(data, size);
  std::vector<icetrack::ArchiveCapture> captures, again;
  icetrack::Status s = icetrack::ParseCdx(json, &captures);
  icetrack::Status t = icetrack::ParseCdx(json, &again);
  FUZZ_CHECK(s.ok() == t.ok() && s.message() == t.message() && captures.size() == again.size());
  if (!s.ok()) {
    FUZZ_CHECK(captures.empty());
    FUZZ_CHECK(s.message().rfind("the archive's index: ", 0) == 0);
    FUZZ_CHECK(s.message().find_first_of("\r\n") == std::string::npos);  // one line, whatever the answer held
    return 0;
  }
  for (size_t i = 0; i < captures.size(); ++i) {
    const icetrack::ArchiveCapture& c = captures[i];
    FUZZ_CHECK(!c.url.empty() && !c.digest.empty());
    for (unsigned char ch : c.url + c.digest) FUZZ_CHECK(ch > 0x20 && ch != 0x7f);
    FUZZ_CHECK(c.timestamp.size() == 14);
    std::string iso = icetrack::CaptureTime(c.timestamp);
    FUZZ_CHECK(iso.size() == 20);
    FUZZ_CHECK(c.status == icetrack::CaptureStatus::Found);
    FUZZ_CHECK(c.url == again[i].url && c.digest == again[i].digest && c.timestamp == again[i].timestamp);
  }
  // Any text as a capture time: 14 digits of a real instant, or nothing.
  std::string time = icetrack::CaptureTime(json);
  FUZZ_CHECK(time.empty() || (json.size() == 14 && time.size() == 20));
  return 0;
}
