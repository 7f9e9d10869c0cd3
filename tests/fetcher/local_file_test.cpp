#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "fetcher/local_file.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

TEST_CASE("a regular file is read whole") {
  test::TempDir dir;
  test::WriteFile(dir.File("a.xlsx"), std::string("PK\x03\x04", 4) + std::string(100000, 'x'));
  std::string bytes;
  REQUIRE(ReadLocalFile(dir.File("a.xlsx"), &bytes).ok());
  CHECK(bytes.size() == 100004);
  test::WriteFile(dir.File("empty.xlsx"), "");
  CHECK(ReadLocalFile(dir.File("empty.xlsx"), &bytes).ok());  // the reader says what an empty file is
  CHECK(bytes.empty());
}

TEST_CASE("what is not a regular file is refused by name, before it is read") {
  test::TempDir dir;
  std::string bytes;
  CHECK(ReadLocalFile(dir.path(), &bytes).message() == dir.path() + ": is a folder, not a file");
  CHECK(ReadLocalFile(dir.File("none.xlsx"), &bytes).message() == dir.File("none.xlsx") + ": no such file");
  CHECK(ReadLocalFile("", &bytes).message() == "a file name is empty");
  CHECK(ReadLocalFile("/dev/null", &bytes).message() == "/dev/null: is a device, not a file");
  REQUIRE(mkfifo(dir.File("pipe.xlsx").c_str(), 0600) == 0);
  auto start = std::chrono::steady_clock::now();
  CHECK(ReadLocalFile(dir.File("pipe.xlsx"), &bytes).message() == dir.File("pipe.xlsx") + ": is a FIFO (named pipe), not a file");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));  // it did not wait for a writer
  test::WriteFile(dir.File("big.xlsx"), std::string(3000, 'x'));
  CHECK(ReadLocalFile(dir.File("big.xlsx"), &bytes, 2048).message() ==
        dir.File("big.xlsx") + ": 3000 bytes, over the 2048 bytes a workbook may have");
}

TEST_CASE("folders give their workbooks, recursively and sorted — and say when they hold none") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("a/deeper"));
  std::filesystem::create_directories(dir.File("empty"));
  test::WriteFile(dir.File("a/2.xlsx"), "x");
  test::WriteFile(dir.File("a/1.XLSX"), "x");
  test::WriteFile(dir.File("a/deeper/3.xlsx"), "x");
  test::WriteFile(dir.File("a/notes.txt"), "x");
  std::filesystem::create_directory_symlink(dir.File("a"), dir.File("a/deeper/loop"));  // never followed
  std::vector<std::string> problems;
  std::vector<std::string> files =
      FindWorkbookFiles({dir.File("a"), dir.File("empty"), dir.File("single.xlsx")}, &problems);
  CHECK(files == std::vector<std::string>{dir.File("a/1.XLSX"), dir.File("a/2.xlsx"), dir.File("a/deeper/3.xlsx"),
                                          dir.File("single.xlsx")});
  CHECK(problems == std::vector<std::string>{dir.File("empty") + ": no workbook (.xlsx) in this folder"});
}

TEST_CASE("a folder that cannot be read is a problem, and the walk goes on") {
  if (geteuid() == 0) {
    MESSAGE("running as root, who reads every folder: the CLI test checks this as another user");
    return;
  }
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("top/closed"));
  test::WriteFile(dir.File("top/open.xlsx"), "x");
  chmod(dir.File("top/closed").c_str(), 0);
  std::vector<std::string> problems;
  std::vector<std::string> files = FindWorkbookFiles({dir.File("top")}, &problems);
  chmod(dir.File("top/closed").c_str(), 0700);
  CHECK(files == std::vector<std::string>{dir.File("top/open.xlsx")});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].rfind(dir.File("top/closed") + ": cannot read folder: ", 0) == 0);
}

}  // namespace
}  // namespace icetrack
