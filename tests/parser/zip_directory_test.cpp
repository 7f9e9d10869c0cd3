#include <doctest/doctest.h>

#include <zlib.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parser/zip_archive.h"
#include "parser/zip_directory.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

// Archives written byte by byte (APPNOTE 6.3), for the forms libzip never
// writes for small parts: Zip64 records, comments, odd methods and flags.
void Put(std::string* out, uint64_t value, int width) {
  for (int k = 0; k < width; ++k) out->push_back(static_cast<char>((value >> (8 * k)) & 0xff));
}

struct RawPart {
  RawPart(std::string n, std::string d, uint16_t m = 0, uint16_t f = 0)
      : name(std::move(n)), data(std::move(d)), method(m), flags(f) {}
  std::string name;
  std::string data;        // stored as is
  uint16_t method = 0;     // what the headers say
  uint16_t flags = 0;
  bool zip64 = false;      // sizes and offset in a Zip64 extra field
  std::string local_name;  // when not empty: the local header's name, if it should differ
};

struct RawOptions {
  bool zip64_end = false;  // a Zip64 end record and locator
  std::string comment;
  int declared_entries = -1;  // the end record's count, when it should lie
  uint16_t disk = 0;
};

uint32_t Crc(const std::string& data) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

std::string RawZip(const std::vector<RawPart>& parts, const RawOptions& options = {}) {
  std::string out, directory;
  for (const RawPart& p : parts) {
    uint64_t local_at = out.size();
    const std::string& local_name = p.local_name.empty() ? p.name : p.local_name;
    Put(&out, 0x04034b50, 4);
    Put(&out, 20, 2);
    Put(&out, p.flags, 2);
    Put(&out, p.method, 2);
    Put(&out, 0, 4);  // time, date
    Put(&out, Crc(p.data), 4);
    Put(&out, p.data.size(), 4);
    Put(&out, p.data.size(), 4);
    Put(&out, local_name.size(), 2);
    Put(&out, 0, 2);
    out += local_name + p.data;

    std::string extra;
    if (p.zip64) {
      Put(&extra, 0x0001, 2);
      Put(&extra, 24, 2);
      Put(&extra, p.data.size(), 8);
      Put(&extra, p.data.size(), 8);
      Put(&extra, local_at, 8);
    }
    Put(&directory, 0x02014b50, 4);
    Put(&directory, 45, 2);
    Put(&directory, 45, 2);
    Put(&directory, p.flags, 2);
    Put(&directory, p.method, 2);
    Put(&directory, 0, 4);
    Put(&directory, Crc(p.data), 4);
    Put(&directory, p.zip64 ? 0xffffffffu : p.data.size(), 4);
    Put(&directory, p.zip64 ? 0xffffffffu : p.data.size(), 4);
    Put(&directory, p.name.size(), 2);
    Put(&directory, extra.size(), 2);
    Put(&directory, 0, 2);  // comment
    Put(&directory, 0, 2);  // disk
    Put(&directory, 0, 2);
    Put(&directory, 0, 4);
    Put(&directory, p.zip64 ? 0xffffffffu : local_at, 4);
    directory += p.name + extra;
  }
  uint64_t directory_at = out.size();
  out += directory;
  uint64_t entries = options.declared_entries >= 0 ? static_cast<uint64_t>(options.declared_entries) : parts.size();
  if (options.zip64_end) {
    uint64_t record_at = out.size();
    Put(&out, 0x06064b50, 4);
    Put(&out, 44, 8);
    Put(&out, 45, 2);
    Put(&out, 45, 2);
    Put(&out, 0, 4);
    Put(&out, 0, 4);
    Put(&out, entries, 8);
    Put(&out, entries, 8);
    Put(&out, directory.size(), 8);
    Put(&out, directory_at, 8);
    Put(&out, 0x07064b50, 4);
    Put(&out, 0, 4);
    Put(&out, record_at, 8);
    Put(&out, 1, 4);
  }
  Put(&out, 0x06054b50, 4);
  Put(&out, options.disk, 2);
  Put(&out, options.disk, 2);
  Put(&out, options.zip64_end ? 0xffff : entries, 2);
  Put(&out, options.zip64_end ? 0xffff : entries, 2);
  Put(&out, options.zip64_end ? 0xffffffffu : directory.size(), 4);
  Put(&out, options.zip64_end ? 0xffffffffu : directory_at, 4);
  Put(&out, options.comment.size(), 2);
  out += options.comment;
  return out;
}

Status Open(const std::string& bytes, std::unique_ptr<ZipArchive>* zip) {
  return ZipArchive::OpenBuffer(bytes, "z.xlsx", ZipLimits(), zip);
}

std::string Damage(const Status& s) {
  const std::string prefix = "z.xlsx: truncated or damaged zip archive (";
  REQUIRE(s.message().rfind(prefix, 0) == 0);
  return s.message().substr(prefix.size(), s.message().size() - prefix.size() - 1);
}

}  // namespace

TEST_CASE("stored parts are read, and so are Zip64 sizes, offsets and end records") {
  std::vector<RawPart> parts = {{"xl/workbook.xml", "<workbook/>"}, {"xl/a.xml", std::string(70000, 'a')}};
  for (bool zip64 : {false, true}) {
    CAPTURE(zip64);
    for (RawPart& p : parts) p.zip64 = zip64;
    RawOptions options;
    options.zip64_end = zip64;
    // A comment that holds a whole end record of its own, which fits in the file
    // (an empty archive's: taken for the real one, it would hide every part).
    options.comment = "a comment with " + std::string("PK\x05\x06", 4) + std::string(18, '\0') + "and more";
    std::unique_ptr<ZipArchive> zip;
    REQUIRE(Open(RawZip(parts, options), &zip).ok());
    std::string content;
    REQUIRE(zip->ReadAll("xl/workbook.xml", &content).ok());
    CHECK(content == "<workbook/>");
    int chunks = 0;
    content.clear();
    REQUIRE(zip->Read("XL/A.xml", [&](std::string_view chunk) { return content += chunk, ++chunks, true; }).ok());
    CHECK(content == std::string(70000, 'a'));
    CHECK(chunks == 2);  // streamed in 64 KiB chunks: a stored part is never inflated at once
    CHECK(zip->DeclaredSize("xl/a.xml") == 70000);
  }
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(Open(RawZip({{"empty.xml", ""}}), &zip).ok());
  int chunks = 0;
  CHECK(zip->Read("empty.xml", [&](std::string_view) { return ++chunks, true; }).ok());
  CHECK(chunks == 0);  // an empty stored part gives no chunk at all
}

TEST_CASE("an archive of no parts opens, and names the part it lacks") {
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(Open(RawZip({}), &zip).ok());
  CHECK_FALSE(zip->Has("xl/workbook.xml"));
  std::string content;
  CHECK(zip->ReadAll("xl/workbook.xml", &content).message() == "z.xlsx: missing required part xl/workbook.xml");
}

TEST_CASE("the directory reader names what it cannot vouch for") {
  std::vector<RawPart> parts = {{"a.xml", "<a/>"}, {"b.xml", "<b/>"}};
  std::string good = RawZip(parts);
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(Open(good, &zip).ok());
  const std::string missing = "central directory at end of file missing or inconsistent";

  // Every cut of the archive is refused when opened, none is read as another archive.
  for (size_t cut = 4; cut < good.size(); ++cut) {
    CAPTURE(cut);
    Status s = Open(good.substr(0, cut), &zip);
    CHECK_FALSE(s.ok());
  }
  RawOptions lying;
  lying.declared_entries = 3;
  CHECK(Damage(Open(RawZip(parts, lying), &zip)) == missing);
  RawOptions disks;
  disks.disk = 1;
  CHECK(Damage(Open(RawZip(parts, disks), &zip)) == "archive spans several disks");

  std::vector<RawPart> renamed = parts;
  renamed[1].local_name = "c.xml";
  CHECK(Damage(Open(RawZip(renamed), &zip)) == "b.xml: local header missing or not matching the central directory");

  std::vector<RawPart> nul = {{std::string("xl/a\0.xml", 9), "1"}};  // a fuzz finding: libzip reads it as "xl/a .xml"
  CHECK(Damage(Open(RawZip(nul), &zip)) == "central directory entry at byte 0: a name with a NUL byte");

  std::vector<RawPart> cased = {{"xl/a.xml", "1"}, {"XL/A.xml", "2"}};
  CHECK(Open(RawZip(cased), &zip).message() == "z.xlsx: damaged zip archive (two parts named XL/A.xml)");

  // A Zip64 size marked but not given.
  std::string bytes = good;
  size_t central = bytes.find(std::string("PK\x01\x02", 4));
  for (int k = 0; k < 4; ++k) bytes[central + 24 + k] = '\xff';
  CHECK(Damage(Open(bytes, &zip)) == "a.xml: Zip64 sizes missing or cut");
  // A size that runs the data into the directory.
  bytes = good;
  bytes[central + 20] = '\x7f';
  CHECK(Damage(Open(bytes, &zip)) == "a.xml: data runs into the central directory (truncated?)");
}

TEST_CASE("a part that is encrypted, compressed another way or damaged is refused when read") {
  std::vector<RawPart> parts = {{"enc.xml", "x", 0, 1}, {"bz.xml", "x", 12}, {"bad.xml", "not deflate", 8}};
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(Open(RawZip(parts), &zip).ok());
  std::string content;
  CHECK(zip->ReadAll("enc.xml", &content).message() == "z.xlsx: enc.xml: cannot open part: it is encrypted");
  CHECK(zip->ReadAll("bz.xml", &content).message() ==
        "z.xlsx: bz.xml: cannot open part: compression method 12 is not supported (only stored and deflated)");
  Status s = zip->ReadAll("bad.xml", &content);
  CHECK(s.message().rfind("z.xlsx: bad.xml: damaged or truncated data at byte 0: ", 0) == 0);

  // A stored part whose bytes do not match its CRC.
  std::string bytes = RawZip({{"s.xml", "stored"}});
  bytes[30 + 5] = 'S';
  REQUIRE(Open(bytes, &zip).ok());
  CHECK(zip->ReadAll("s.xml", &content).message() == "z.xlsx: s.xml: damaged or truncated data at byte 6: CRC error");
}

TEST_CASE("a deflated part cut short, or longer than declared, is named as damaged") {
  std::string text;
  for (int i = 0; text.size() < 200000; ++i) text += "<row r=\"" + std::to_string(i) + "\"/>";
  std::string bytes = test::ZipBytes({{"x.xml", text}});
  size_t central = bytes.rfind(std::string("PK\x01\x02", 4));
  auto with_size = [&](size_t at, uint32_t value) {
    std::string copy = bytes;
    for (int k = 0; k < 4; ++k) copy[at + k] = static_cast<char>((value >> (8 * k)) & 0xff);
    return copy;
  };
  std::unique_ptr<ZipArchive> zip;
  std::string content;
  // Declared one byte shorter: the whole inflate refuses it, the stream names it.
  REQUIRE(Open(with_size(central + 24, static_cast<uint32_t>(text.size() - 1)), &zip).ok());
  Status s = zip->ReadAll("x.xml", &content);
  CHECK(s.message().find("more data than the archive declares") != std::string::npos);
  // Declared longer.
  REQUIRE(Open(with_size(central + 24, static_cast<uint32_t>(text.size() + 1)), &zip).ok());
  s = zip->ReadAll("x.xml", &content);
  CHECK(s.message().find(std::to_string(text.size()) + " bytes where the archive declares") != std::string::npos);
  // Compressed bytes declared fewer than there are: the stream ends early.
  uint32_t packed = 0;
  for (int k = 3; k >= 0; --k) packed = packed << 8 | static_cast<unsigned char>(bytes[central + 20 + k]);
  REQUIRE(Open(with_size(central + 20, packed / 2), &zip).ok());
  s = zip->ReadAll("x.xml", &content);
  CHECK(s.message().find("the compressed data ends early") != std::string::npos);
}

TEST_CASE("every archive libzip writes reads back the same, from memory and from a directory read by hand") {
  std::string big;
  for (int i = 0; big.size() < 300000; ++i) big += std::to_string(i * 7919 % 10007) + ",";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", "<Types/>"}, {"xl/empty.xml", ""}, {"xl/big.csv", big}, {"docProps/app.xml", "<a/>"}};
  std::unique_ptr<ZipArchive> zip;
  REQUIRE(Open(test::ZipBytes(parts), &zip).ok());
  for (const auto& [name, data] : parts) {
    std::string content;
    REQUIRE(zip->ReadAll(name, &content).ok());
    CHECK(content == data);
  }
}

}  // namespace icetrack
