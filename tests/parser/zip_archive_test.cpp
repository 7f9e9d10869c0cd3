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

// Sets the CRC-32 that the first part's local header and its central
// directory entry declare (the two must agree for libzip to open it).
std::string WithFirstCrc(std::string bytes, uint32_t crc) {
  size_t end = bytes.rfind(std::string("PK\x05\x06", 4));  // the end record names where the directory is
  REQUIRE(end != std::string::npos);
  size_t central = 0;
  for (int k = 3; k >= 0; --k) central = central << 8 | static_cast<unsigned char>(bytes[end + 16 + k]);
  REQUIRE(bytes.compare(0, 4, std::string("PK\x03\x04", 4)) == 0);
  REQUIRE(bytes.compare(central, 4, std::string("PK\x01\x02", 4)) == 0);
  for (size_t at : {size_t{14}, central + 16})
    for (int k = 0; k < 4; ++k) bytes[at + k] = static_cast<char>((crc >> (8 * k)) & 0xff);
  return bytes;
}

TEST_CASE("a deflated part is inflated at once, and trusted only with its declared size and CRC") {
  std::string small, large;
  for (int i = 0; small.size() < 100000; ++i) small += "<row r=\"" + std::to_string(i) + "\"><c><v>1</v></c></row>";
  while (large.size() <= ZipArchive::kWholePartBytes) large += small;
  std::string bytes = test::ZipBytes({{"small.xml", small}, {"large.xml", large}});
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(ZipArchive::OpenBuffer(bytes, "w.xlsx", ZipLimits(), &zip).ok());

  std::string whole;
  CHECK(zip->ReadWhole("small.xml", &whole));
  CHECK(whole == small);
  auto chunks_of = [&](const std::string& part, std::string* content) {
    int chunks = 0;
    content->clear();
    REQUIRE(zip->Read(part, [&](std::string_view chunk) { return content->append(chunk), ++chunks, true; }).ok());
    return chunks;
  };
  std::string read;
  CHECK(chunks_of("small.xml", &read) == 1);
  CHECK(read == small);
  // Past kWholePartBytes a part streams, as libzip inflates it.
  CHECK_FALSE(zip->ReadWhole("large.xml", &whole));
  CHECK(whole.empty());
  CHECK(chunks_of("large.xml", &read) > 1);
  CHECK(read == large);
  CHECK_FALSE(zip->ReadWhole("missing.xml", &whole));

  // A CRC that does not match the bytes: not trusted at once, and read again
  // by libzip, which names the damage.
  REQUIRE(ZipArchive::OpenBuffer(WithFirstCrc(bytes, 12345), "bad.xlsx", ZipLimits(), &zip).ok());
  CHECK_FALSE(zip->ReadWhole("small.xml", &whole));
  CHECK(whole.empty());
  Status s = zip->ReadAll("small.xml", &read);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("bad.xlsx: small.xml: damaged or truncated data") == 0);
}

}  // namespace icetrack
