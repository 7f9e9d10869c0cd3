// Writes a synthetic publication history in ICE's layout, for the import
// benchmark: COUNT participating workbooks growing from 150 to 1,800 rows,
// published twelve hours apart, with ICE-like churn (flapping rows, re-signed
// dates, MOAs published). Usage: make_history OUT_DIR [COUNT] [CALM]
// CALM (default 1) divides the churn: 1 is the import benchmark's history,
// about three times ICE's own churn; 3 comes close to ICE's (17,148 and
// 6,896 events over 470 publications; docs/PERFORMANCE.md).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/ice_workbook.h"

namespace {

icetrack::test::IceWorkbook Publication(int i, int count, int calm) {
  using namespace icetrack::test;
  static const char* kStates[] = {"TEXAS", "FLORIDA", "GEORGIA", "OHIO", "IOWA", "ALABAMA", "TENNESSEE"};
  static const char* kModels[] = {"Task Force Model", "Jail Enforcement Model", "Warrant Service Officer"};
  IceWorkbook book;
  book.modified = UnixTime(2025, 2, 1) + i * 43200LL;
  int rows = 150 + (1800 - 150) * i / (count > 1 ? count - 1 : 1);
  for (int r = 0; r < rows; ++r) {
    if ((r * 31 + i * 7) % (211 * calm) == 0) continue;  // about 0.5 % of rows flap each publication
    IceRow row = Row(kStates[r % 7], "Agency " + std::to_string(r) + " Sheriff's Office", kModels[r % 3],
                     Serial(2025, 1 + r % 12, 1 + r % 28));
    if (r % (97 * calm) == i % (97 * calm)) row.signed_serial = Serial(2026, 1, 1 + r % 28);  // re-signed
    if ((r + i) % (50 * calm) == 0 && r > rows - 100) {                                // MOA not yet published
      row.moa_url.clear();
      row.moa_text = "link pending";
    }
    book.rows.push_back(row);
  }
  return book;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_history OUT_DIR [COUNT] [CALM]\n");
    return 2;
  }
  std::filesystem::create_directories(argv[1]);
  int count = argc > 2 ? std::atoi(argv[2]) : 470;
  int calm = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1;
  for (int i = 0; i < count; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "/participating%04d.xlsx", i);
    icetrack::test::WriteIceWorkbook(std::string(argv[1]) + name, Publication(i, count, calm));
  }
  return 0;
}
