#include "parser/zip_directory.h"

#include <algorithm>
#include <string_view>

namespace icetrack {

namespace {

constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kEnd64Signature = 0x06064b50;
constexpr uint32_t kLocator64Signature = 0x07064b50;
constexpr size_t kEndBytes = 22;        // the end record without its comment
constexpr size_t kLocator64Bytes = 20;
constexpr size_t kEnd64Bytes = 56;      // the Zip64 end record without its extensible data
constexpr size_t kCentralBytes = 46;    // a directory entry without its name, extra and comment
constexpr size_t kLocalBytes = 30;      // a local header without its name and extra
constexpr uint16_t kZip64ExtraId = 0x0001;
// A workbook's directory holds tens of entries; 16 MiB is over 100,000 of
// them, and bounds what a hostile end record can make us read and hold.
constexpr uint64_t kMaxDirectoryBytes = 16ull << 20;
constexpr char kMissing[] = "central directory at end of file missing or inconsistent";
constexpr char kSeveralDisks[] = "archive spans several disks";

uint64_t Le(std::string_view bytes, size_t at, size_t width) {
  uint64_t v = 0;
  for (size_t k = width; k-- > 0;) v = v << 8 | static_cast<unsigned char>(bytes[at + k]);
  return v;
}

// Bytes [offset, offset + length) of the archive, when they are all in it.
bool ReadBytes(const ZipReadAt& read_at, uint64_t file_size, uint64_t offset, uint64_t length,
               std::string* out) {
  if (offset > file_size || length > file_size - offset) return false;
  out->resize(static_cast<size_t>(length));
  return length == 0 || read_at(offset, static_cast<size_t>(length), out->data());
}

// Where the directory is, as the end records say.
struct DirectorySpan {
  uint64_t offset = 0, size = 0, entries = 0;
  uint64_t end = 0;  // the first byte past where the directory may reach (the end records)
};

// The end record in `tail` (the archive's last bytes, from `tail_at`): its
// position in the archive, or false. The signature can occur inside the
// comment, so the record whose comment ends the file is taken first; failing
// that (bytes after the archive), the last one whose comment fits.
bool FindEndRecord(std::string_view tail, uint64_t tail_at, uint64_t* at) {
  if (tail.size() < kEndBytes) return false;
  bool fits = false;
  for (size_t i = tail.size() - kEndBytes + 1; i-- > 0;) {
    if (Le(tail, i, 4) != kEndSignature) continue;
    uint64_t end = i + kEndBytes + Le(tail, i + 20, 2);
    if (end > tail.size() || (fits && end != tail.size())) continue;
    *at = tail_at + i;
    if (end == tail.size()) return true;
    fits = true;  // kept unless an exact one comes before it
  }
  return fits;
}

// The Zip64 end record that the locator before `end_at` points to, when there
// is one: fills `span` from it. Ok when there is none, `span` then untouched.
Status ReadZip64End(const ZipReadAt& read_at, uint64_t file_size, uint64_t end_at, DirectorySpan* span) {
  std::string bytes;
  if (end_at < kLocator64Bytes ||
      !ReadBytes(read_at, file_size, end_at - kLocator64Bytes, kLocator64Bytes, &bytes) ||
      Le(bytes, 0, 4) != kLocator64Signature)
    return Status::Ok();
  uint64_t record_at = Le(bytes, 8, 8);
  uint64_t locator_at = end_at - kLocator64Bytes;
  if (Le(bytes, 4, 4) != 0 || Le(bytes, 16, 4) > 1) return Status::Error(kSeveralDisks);
  if (record_at > locator_at || locator_at - record_at < kEnd64Bytes ||
      !ReadBytes(read_at, file_size, record_at, kEnd64Bytes, &bytes) || Le(bytes, 0, 4) != kEnd64Signature)
    return Status::Error(kMissing);
  if (Le(bytes, 16, 4) != 0 || Le(bytes, 20, 4) != 0) return Status::Error(kSeveralDisks);
  if (Le(bytes, 24, 8) != Le(bytes, 32, 8)) return Status::Error(kMissing);
  span->entries = Le(bytes, 32, 8);
  span->size = Le(bytes, 40, 8);
  span->offset = Le(bytes, 48, 8);
  span->end = record_at;
  return Status::Ok();
}

Status FindDirectory(uint64_t file_size, const ZipReadAt& read_at, DirectorySpan* span) {
  uint64_t tail_at = file_size - std::min<uint64_t>(file_size, kEndBytes + 0xffff);
  std::string tail;
  uint64_t end_at = 0;
  if (!ReadBytes(read_at, file_size, tail_at, file_size - tail_at, &tail) ||
      !FindEndRecord(tail, tail_at, &end_at))
    return Status::Error(kMissing);
  std::string_view end = std::string_view(tail).substr(static_cast<size_t>(end_at - tail_at));
  if (Le(end, 4, 2) != 0 || Le(end, 6, 2) != 0) return Status::Error(kSeveralDisks);
  if (Le(end, 8, 2) != Le(end, 10, 2)) return Status::Error(kMissing);
  span->entries = Le(end, 10, 2);
  span->size = Le(end, 12, 4);
  span->offset = Le(end, 16, 4);
  span->end = end_at;
  Status s = ReadZip64End(read_at, file_size, end_at, span);
  if (!s.ok()) return s;
  if (span->offset > span->end || span->size > span->end - span->offset ||
      span->entries > span->size / kCentralBytes)
    return Status::Error(kMissing);
  if (span->size > kMaxDirectoryBytes)
    return Status::Error("central directory of " + std::to_string(span->size) + " bytes, over the limit of " +
                         std::to_string(kMaxDirectoryBytes));
  return Status::Ok();
}

// The Zip64 extended information in `extra`, for the fields the entry marks
// with all ones (in the order APPNOTE 4.5.3 gives). False when it is missing or cut.
bool ReadZip64Sizes(std::string_view extra, ZipEntry* entry, uint64_t* local_at) {
  bool need_size = entry->size == 0xffffffffu, need_packed = entry->packed_size == 0xffffffffu;
  bool need_offset = *local_at == 0xffffffffu;
  if (!need_size && !need_packed && !need_offset) return true;
  for (size_t at = 0; at + 4 <= extra.size();) {
    uint64_t id = Le(extra, at, 2), length = Le(extra, at + 2, 2);
    if (length > extra.size() - at - 4) return false;
    if (id == kZip64ExtraId) {
      size_t field = at + 4, end = at + 4 + static_cast<size_t>(length);
      for (uint64_t* value : {need_size ? &entry->size : nullptr, need_packed ? &entry->packed_size : nullptr,
                              need_offset ? local_at : nullptr}) {
        if (!value) continue;
        if (end - field < 8) return false;
        *value = Le(extra, field, 8);
        field += 8;
      }
      return true;
    }
    at += 4 + static_cast<size_t>(length);
  }
  return false;
}

// The directory entry at `*at` in `directory`, moved past it; its local header
// at `*local_at`.
Status ReadCentralEntry(std::string_view directory, size_t* at, ZipEntry* entry, uint64_t* local_at) {
  std::string_view rest = directory.substr(*at);
  if (rest.size() < kCentralBytes || Le(rest, 0, 4) != kCentralSignature)
    return Status::Error("central directory entry at byte " + std::to_string(*at) + " damaged");
  size_t name_length = static_cast<size_t>(Le(rest, 28, 2)), extra_length = static_cast<size_t>(Le(rest, 30, 2));
  size_t comment_length = static_cast<size_t>(Le(rest, 32, 2));
  if (rest.size() - kCentralBytes < name_length + extra_length + comment_length)
    return Status::Error("central directory entry at byte " + std::to_string(*at) + " cut short");
  if (Le(rest, 34, 2) != 0) return Status::Error(kSeveralDisks);
  entry->flags = static_cast<uint16_t>(Le(rest, 8, 2));
  entry->method = static_cast<uint16_t>(Le(rest, 10, 2));
  entry->crc = static_cast<uint32_t>(Le(rest, 16, 4));
  entry->packed_size = Le(rest, 20, 4);
  entry->size = Le(rest, 24, 4);
  *local_at = Le(rest, 42, 4);
  entry->name.assign(rest.substr(kCentralBytes, name_length));
  // No OPC part name holds one; libzip would read it as a space, C strings would end there.
  if (entry->name.find('\0') != std::string::npos)
    return Status::Error("central directory entry at byte " + std::to_string(*at) + ": a name with a NUL byte");
  if (!ReadZip64Sizes(rest.substr(kCentralBytes + name_length, extra_length), entry, local_at))
    return Status::Error(entry->name + ": Zip64 sizes missing or cut");
  *at += kCentralBytes + name_length + extra_length + comment_length;
  return Status::Ok();
}

// Checks the local header at `local_at` (its signature and name) and places
// the entry's data after it, before the directory at `directory_at`.
Status PlaceData(const ZipReadAt& read_at, uint64_t directory_at, uint64_t local_at, ZipEntry* entry) {
  std::string header;
  if (local_at > directory_at || directory_at - local_at < kLocalBytes + entry->name.size() ||
      !ReadBytes(read_at, directory_at, local_at, kLocalBytes + entry->name.size(), &header) ||
      Le(header, 0, 4) != kLocalSignature ||
      std::string_view(header).substr(kLocalBytes) != entry->name || Le(header, 26, 2) != entry->name.size())
    return Status::Error(entry->name + ": local header missing or not matching the central directory");
  uint64_t data_at = local_at + kLocalBytes + entry->name.size() + Le(header, 28, 2);
  if (data_at > directory_at || entry->packed_size > directory_at - data_at)
    return Status::Error(entry->name + ": data runs into the central directory (truncated?)");
  entry->data_offset = data_at;
  return Status::Ok();
}

}  // namespace

Status ReadZipDirectory(uint64_t file_size, const ZipReadAt& read_at, std::vector<ZipEntry>* out) {
  out->clear();
  DirectorySpan span;
  Status s = FindDirectory(file_size, read_at, &span);
  std::string directory;
  if (s.ok() && !ReadBytes(read_at, file_size, span.offset, span.size, &directory)) s = Status::Error(kMissing);
  if (!s.ok()) return s;
  out->reserve(static_cast<size_t>(span.entries));
  size_t at = 0;
  for (uint64_t i = 0; i < span.entries; ++i) {
    ZipEntry entry;
    uint64_t local_at = 0;
    s = ReadCentralEntry(directory, &at, &entry, &local_at);
    if (s.ok()) s = PlaceData(read_at, span.offset, local_at, &entry);
    if (!s.ok()) {
      out->clear();
      return s;
    }
    out->push_back(std::move(entry));
  }
  return Status::Ok();
}

}  // namespace icetrack
