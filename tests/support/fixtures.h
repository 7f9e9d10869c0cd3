// Where the real ICE workbooks are: $ICETRACK_FIXTURES, else the CMake cache
// variable ICETRACK_FIXTURES (default ../shared/fixtures/ice287g).
#pragma once

#include <string>
#include <vector>

namespace icetrack::test {

std::string FixturesDir();
bool FixturesAvailable();
// Prints the loud skip line that CTest turns into "skipped".
void ReportFixturesSkipped();

// One line of MANIFEST.tsv.
struct ManifestEntry {
  std::string file;  // relative to FixturesDir()
  std::string kind, first_sheet;
  int data_rows, jem, tfm, wso, no_model, moa_links, addendum_links, signed_as_text;
  std::string header;
};
std::vector<ManifestEntry> ReadManifest();

}  // namespace icetrack::test

// Use at the top of a test case that needs the real workbooks.
#define REQUIRE_FIXTURES()                        \
  do {                                            \
    if (!icetrack::test::FixturesAvailable()) {   \
      icetrack::test::ReportFixturesSkipped();    \
      return;                                     \
    }                                             \
  } while (0)
