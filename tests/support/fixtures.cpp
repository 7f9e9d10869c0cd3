#include "tests/support/fixtures.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace icetrack::test {

std::string FixturesDir() {
  const char* env = std::getenv("ICETRACK_FIXTURES");
  return env && *env ? env : ICETRACK_FIXTURES_DEFAULT;
}

bool FixturesAvailable() {
  return std::filesystem::exists(std::filesystem::path(FixturesDir()) / "MANIFEST.tsv");
}

void ReportFixturesSkipped() {
  std::cout << "ICETRACK-SKIP: real ICE workbooks not found at " << FixturesDir()
            << " (set ICETRACK_FIXTURES); this test did not run" << std::endl;
}

std::vector<ManifestEntry> ReadManifest() {
  std::ifstream in(std::filesystem::path(FixturesDir()) / "MANIFEST.tsv");
  std::vector<ManifestEntry> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() < 12) continue;
    out.push_back({f[0], f[1], f[2], std::stoi(f[3]), std::stoi(f[4]), std::stoi(f[5]),
                   std::stoi(f[6]), std::stoi(f[7]), std::stoi(f[8]), std::stoi(f[9]),
                   std::stoi(f[10]), f[11]});
  }
  return out;
}

}  // namespace icetrack::test
