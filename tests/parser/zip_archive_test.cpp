#include <doctest/doctest.h>

#include <fcntl.h>

#include <memory>

#include "parser/zip_archive.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_files.h"

namespace icetrack {

TEST_CASE("an HTML page sent instead of a workbook is named as such") {
  std::unique_ptr<ZipArchive> zip;
  Status s = ZipArchive::OpenBuffer("<!DOCTYPE html>\n<html><body>Access Denied</body></html>",
                                    "list.xlsx", ZipLimits(), &zip);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "list.xlsx: is an HTML page, not a workbook");
  CHECK(zip == nullptr);
}

TEST_CASE("bytes that are not a zip, and empty files, are refused") {
  std::unique_ptr<ZipArchive> zip;
  CHECK(ZipArchive::OpenBuffer("%PDF-1.7 ...", "a.xlsx", ZipLimits(), &zip).message() ==
        "a.xlsx: not a zip archive (no PK signature)");
  CHECK(ZipArchive::OpenBuffer("", "b.xlsx", ZipLimits(), &zip).message() ==
        "b.xlsx: empty file, not a workbook");
}

TEST_CASE("a truncated archive is refused") {
  test::TempDir dir;
  test::WriteZip(dir.File("ok.zip"), {{"a.txt", std::string(5000, 'a')}, {"b.txt", "bee"}});
  std::string bytes = test::ReadFile(dir.File("ok.zip"));
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(ZipArchive::OpenBuffer(bytes, "ok.zip", ZipLimits(), &zip).ok());
  Status s = ZipArchive::OpenBuffer(bytes.substr(0, bytes.size() / 2), "half.zip", ZipLimits(), &zip);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("half.zip: truncated or damaged zip archive") == 0);
}

// An archive opened from its file (as `parse` opens it): the same refusals
// as from memory, the same parts.
Status OpenFromFile(const std::string& path, std::unique_ptr<ZipArchive>* zip) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  return ZipArchive::OpenFile(fd, path, ZipLimits(), zip);
}

TEST_CASE("opened from its file, an archive is refused and read as from memory") {
  test::TempDir dir;
  test::WriteZip(dir.File("ok.zip"), {{"a.txt", std::string(5000, 'a')}, {"b.txt", "bee"}});
  std::string bytes = test::ReadFile(dir.File("ok.zip"));
  test::WriteFile(dir.File("half.zip"), bytes.substr(0, bytes.size() / 2));
  test::WriteFile(dir.File("page.xlsx"), "<!DOCTYPE html>\n<html><body>Access Denied</body></html>");
  test::WriteFile(dir.File("empty.xlsx"), "");
  test::WriteFile(dir.File("pdf.xlsx"), "%PDF-1.7 ...");
  std::unique_ptr<ZipArchive> zip;
  CHECK(OpenFromFile(dir.File("half.zip"), &zip).message().find(dir.File("half.zip") + ": truncated or damaged zip archive") == 0);
  CHECK(OpenFromFile(dir.File("page.xlsx"), &zip).message() == dir.File("page.xlsx") + ": is an HTML page, not a workbook");
  CHECK(OpenFromFile(dir.File("empty.xlsx"), &zip).message() == dir.File("empty.xlsx") + ": empty file, not a workbook");
  CHECK(OpenFromFile(dir.File("pdf.xlsx"), &zip).message() == dir.File("pdf.xlsx") + ": not a zip archive (no PK signature)");
  CHECK(zip == nullptr);
  REQUIRE(OpenFromFile(dir.File("ok.zip"), &zip).ok());
  std::string content;
  REQUIRE(zip->ReadAll("a.txt", &content).ok());
  CHECK(content == std::string(5000, 'a'));
  REQUIRE(zip->ReadAll("b.txt", &content).ok());
  CHECK(content == "bee");
}

TEST_CASE("parts are streamed and a missing part is named") {
  test::TempDir dir;
  test::WriteZip(dir.File("p.zip"), {{"xl/workbook.xml", "<workbook/>"}});
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(ZipArchive::OpenBuffer(test::ReadFile(dir.File("p.zip")), dir.File("p.zip"), ZipLimits(), &zip).ok());
  CHECK(zip->Has("xl/workbook.xml"));
  std::string content;
  REQUIRE(zip->ReadAll("xl/workbook.xml", &content).ok());
  CHECK(content == "<workbook/>");
  Status s = zip->ReadAll("xl/styles.xml", &content);
  CHECK(s.message() == dir.File("p.zip") + ": missing required part xl/styles.xml");
}

TEST_CASE("part names are found whatever their case, as OPC says") {
  test::TempDir dir;
  test::WriteZip(dir.File("c.zip"), {{"XL/Workbook.xml", "<workbook/>"}});
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(ZipArchive::OpenBuffer(test::ReadFile(dir.File("c.zip")), dir.File("c.zip"), ZipLimits(), &zip).ok());
  CHECK(zip->Has("xl/workbook.xml"));
  std::string content;
  REQUIRE(zip->ReadAll("xl/workbook.xml", &content).ok());
  CHECK(content == "<workbook/>");
}

TEST_CASE("zip bombs: parts over the size or ratio limits are refused") {
  test::TempDir dir;
  test::WriteZip(dir.File("bomb.zip"), {{"xl/worksheets/sheet1.xml", std::string(4 << 20, '0')}});
  std::unique_ptr<ZipArchive> zip;
  ZipLimits small;
  small.max_part_bytes = 1 << 20;
  Status s = ZipArchive::OpenBuffer(test::ReadFile(dir.File("bomb.zip")), dir.File("bomb.zip"), small, &zip);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("xl/worksheets/sheet1.xml: part declares 4194304 bytes uncompressed") !=
        std::string::npos);
  CHECK(s.message().find("zip bomb") != std::string::npos);

  ZipLimits ratio;
  ratio.max_ratio = 100;
  s = ZipArchive::OpenBuffer(test::ReadFile(dir.File("bomb.zip")), dir.File("bomb.zip"), ratio, &zip);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("compression ratio") != std::string::npos);

  ZipLimits total;
  total.max_total_bytes = 1 << 20;
  total.max_ratio = 1 << 30;
  s = ZipArchive::OpenBuffer(test::ReadFile(dir.File("bomb.zip")), dir.File("bomb.zip"), total, &zip);
  CHECK(s.message().find("archive declares") != std::string::npos);
  total.max_total_bytes = 8 << 20;
  CHECK(ZipArchive::OpenBuffer(test::ReadFile(dir.File("bomb.zip")), dir.File("bomb.zip"), total, &zip).ok());
}

}  // namespace icetrack
