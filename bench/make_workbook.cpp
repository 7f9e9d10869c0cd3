// Writes one participating workbook of ROWS rows in ICE's layout (shared
// strings, a date-styled SIGNED column, an MOA hyperlink on each of the
// first 60,000 rows — Excel's limit is 65,530 a sheet — and "link pending"
// after), for
// the memory and growth benchmarks of `parse` (docs/PERFORMANCE.md).
// Usage: make_workbook OUT.xlsx ROWS
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/support/ice_workbook.h"

int main(int argc, char** argv) {
  if (argc != 3 || std::atol(argv[2]) <= 0) {
    std::fprintf(stderr, "usage: make_workbook OUT.xlsx ROWS\n");
    return 2;
  }
  using namespace icetrack::test;
  static const char* kStates[] = {"TEXAS", "FLORIDA", "GEORGIA", "OHIO", "IOWA", "ALABAMA", "TENNESSEE"};
  static const char* kModels[] = {"Task Force Model", "Jail Enforcement Model", "Warrant Service Officer"};
  long rows = std::atol(argv[2]);
  IceWorkbook book;
  book.addendum = false;
  book.rows.reserve(static_cast<size_t>(rows));
  for (long r = 0; r < rows; ++r) {
    std::string moa = r < 60000 ? "https://www.ice.gov/doclib/287gMOA/moa" + std::to_string(r) + ".pdf" : "";
    IceRow row = Row(kStates[r % 7], "Agency " + std::to_string(r) + " Sheriff's Office", kModels[r % 3],
                     Serial(2025, 1 + static_cast<int>(r % 12), 1 + static_cast<int>(r % 28)), moa);
    if (moa.empty()) row.moa_url.clear(), row.moa_text = "link pending";  // Row() would give one
    row.county = "County " + std::to_string(r % 3000);
    book.rows.push_back(std::move(row));
  }
  WriteIceWorkbook(argv[1], book);
  return 0;
}
