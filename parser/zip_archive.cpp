#include "parser/zip_archive.h"

#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace icetrack {

struct ZipArchive::Inflater {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Inflater() {
    if (d) libdeflate_free_decompressor(d);
  }
};

namespace {

constexpr size_t kChunkBytes = 64 * 1024;

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool LooksLikeHtml(std::string_view head) {
  std::string lower;
  for (char c : head.substr(0, 512)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t start = lower.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (start == std::string::npos) return false;
  std::string_view rest = std::string_view(lower).substr(start);
  return rest.starts_with("<!doctype html") || rest.starts_with("<html") ||
         rest.starts_with("<head") || rest.starts_with("<body") ||
         (rest.starts_with("<") && lower.find("<html") != std::string::npos);
}

// Describes bytes that are not a zip archive: "an HTML page", "empty", or "".
std::string DescribeNonZip(std::string_view head) {
  if (head.empty()) return "empty";
  if (LooksLikeHtml(head)) return "an HTML page";
  return "";
}

// The one line for bytes that are not a zip archive, or "" when they may be one.
std::string NotAZip(std::string_view head, const std::string& label) {
  if (head.size() >= 4 && head.substr(0, 2) == "PK") return "";
  std::string what = DescribeNonZip(head);
  if (what.empty()) what = "not a zip archive (no PK signature)";
  else what = what == "empty" ? "empty file, not a workbook" : "is " + what + ", not a workbook";
  return label + ": " + what;
}

}  // namespace

Status ZipArchive::OpenBuffer(std::string bytes, const std::string& label, const ZipLimits& limits,
                              std::unique_ptr<ZipArchive>* out) {
  std::string refusal = NotAZip(bytes, label);
  if (!refusal.empty()) return Status::Error(refusal);
  std::unique_ptr<ZipArchive> archive(new ZipArchive());
  archive->buffer_ = std::move(bytes);
  archive->limits_ = limits;
  archive->label_ = label;
  Status s = archive->Open(archive->buffer_.size());
  if (s.ok()) *out = std::move(archive);
  return s;
}

Status ZipArchive::OpenFile(int fd, const std::string& label, const ZipLimits& limits,
                            std::unique_ptr<ZipArchive>* out) {
  std::unique_ptr<ZipArchive> archive(new ZipArchive());
  archive->fd_ = fd;  // closed with the archive, also on failure
  archive->limits_ = limits;
  archive->label_ = label;
  char head[512];
  ssize_t n = pread(fd, head, sizeof head, 0);
  struct stat st;
  std::string refusal = n < 0 ? label + ": read error: " + std::strerror(errno)
                              : NotAZip(std::string_view(head, static_cast<size_t>(n)), label);
  if (refusal.empty() && fstat(fd, &st) != 0) refusal = label + ": cannot read: " + std::strerror(errno);
  if (!refusal.empty()) return Status::Error(refusal);
  Status s = archive->Open(static_cast<uint64_t>(st.st_size));
  if (s.ok()) *out = std::move(archive);
  return s;
}

bool ZipArchive::ReadAt(uint64_t offset, size_t length, char* out) const {
  if (fd_ < 0) {
    if (offset > buffer_.size() || length > buffer_.size() - offset) return false;
    std::memcpy(out, buffer_.data() + offset, length);
    return true;
  }
  while (length > 0) {
    ssize_t n = pread(fd_, out, length, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    offset += static_cast<uint64_t>(n);
    length -= static_cast<size_t>(n);
  }
  return true;
}

// Reads the directory and indexes its names; two parts whose names differ
// only in case are one name to OPC, so such an archive is refused.
Status ZipArchive::Open(uint64_t file_size) {
  Status s = ReadZipDirectory(file_size, [this](uint64_t offset, size_t length, char* out) {
    return ReadAt(offset, length, out);
  }, &entries_);
  if (!s.ok()) return Status::Error(label_ + ": truncated or damaged zip archive (" + s.message() + ")");
  by_name_.reserve(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (!by_name_.emplace(LowerAscii(entries_[i].name), i).second)
      return Status::Error(label_ + ": damaged zip archive (two parts named " + entries_[i].name + ")");
  }
  return CheckSizes();
}

Status ZipArchive::CheckSizes() {
  uint64_t total = 0;
  for (const ZipEntry& entry : entries_) {
    if (entry.size > limits_.max_part_bytes)
      return Status::Error(label_ + ": " + entry.name + ": part declares " + std::to_string(entry.size) +
                           " bytes uncompressed, over the limit of " +
                           std::to_string(limits_.max_part_bytes) + " (zip bomb?)");
    uint64_t ratio = entry.size / std::max<uint64_t>(entry.packed_size, 1);
    if (entry.size > (1u << 20) && ratio > limits_.max_ratio)
      return Status::Error(label_ + ": " + entry.name + ": compression ratio " + std::to_string(ratio) +
                           ":1 is over the limit of " + std::to_string(limits_.max_ratio) + ":1 (zip bomb?)");
    total += entry.size;  // each at most max_part_bytes, and at most 2^32 entries: no wrap
  }
  if (total > limits_.max_total_bytes)
    return Status::Error(label_ + ": archive declares " + std::to_string(total) +
                         " bytes uncompressed, over the limit of " +
                         std::to_string(limits_.max_total_bytes) + " (zip bomb?)");
  return Status::Ok();
}

ZipArchive::~ZipArchive() {
  if (fd_ >= 0) close(fd_);
}

const ZipEntry* ZipArchive::Find(const std::string& part) const {
  auto it = by_name_.find(LowerAscii(part));
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

bool ZipArchive::Has(const std::string& part) const { return Find(part) != nullptr; }

uint64_t ZipArchive::DeclaredSize(const std::string& part) const {
  const ZipEntry* entry = Find(part);
  return entry ? entry->size : 0;
}

Status ZipArchive::Read(const std::string& part,
                        const std::function<bool(std::string_view)>& sink) const {
  const ZipEntry* entry = Find(part);
  if (!entry) return Status::Error(label_ + ": missing required part " + part);
  std::string whole;
  if (!InflateWhole(*entry, &whole)) return Stream(*entry, sink);
  sink(whole);
  return Status::Ok();
}

bool ZipArchive::ReadWhole(const std::string& part, std::string* out) const {
  out->clear();
  const ZipEntry* entry = Find(part);
  return entry && InflateWhole(*entry, out);
}

// The compressed bytes read raw, inflated by libdeflate into a buffer of
// exactly the declared size, then checked against the declared CRC-32. The
// limits hold: the declared size was checked at open.
bool ZipArchive::InflateWhole(const ZipEntry& entry, std::string* out) const {
  if (entry.method != ZipEntry::kDeflated || entry.encrypted() || entry.size == 0 ||
      entry.size > kWholePartBytes || entry.packed_size > kWholePartBytes ||
      bytes_read_ + entry.size > limits_.max_total_bytes)
    return false;
  // Not zero-filled first: ReadAt writes every byte, or the part is streamed instead.
  std::unique_ptr<char[]> packed(new char[entry.packed_size]);
  if (!ReadAt(entry.data_offset, entry.packed_size, packed.get())) return false;
  if (!inflater_) inflater_ = std::make_unique<Inflater>();
  if (!inflater_->d) return false;
  out->resize(entry.size);
  size_t got = 0;
  bool ok = libdeflate_deflate_decompress(inflater_->d, packed.get(), entry.packed_size, out->data(),
                                          out->size(), &got) == LIBDEFLATE_SUCCESS &&
            got == entry.size && libdeflate_crc32(0, out->data(), out->size()) == entry.crc;
  if (!ok) {
    out->clear();
    return false;
  }
  bytes_read_ += entry.size;
  return true;
}

namespace {

// zlib's raw inflate (no zlib or gzip wrapper, as zip stores it), ended with its scope.
struct ZlibStream {
  z_stream z{};
  bool ready = inflateInit2(&z, -MAX_WBITS) == Z_OK;
  ~ZlibStream() {
    if (ready) inflateEnd(&z);
  }
};

}  // namespace

// A part in chunks: read raw (stored) or through zlib (deflated), each chunk
// counted against the declared size and the limits before `sink` sees it,
// and the CRC-32 compared at the end.
Status ZipArchive::Stream(const ZipEntry& entry, const std::function<bool(std::string_view)>& sink) const {
  const std::string where = label_ + ": " + entry.name + ": ";
  if (entry.encrypted()) return Status::Error(where + "cannot open part: it is encrypted");
  if (entry.method != ZipEntry::kStored && entry.method != ZipEntry::kDeflated)
    return Status::Error(where + "cannot open part: compression method " + std::to_string(entry.method) +
                         " is not supported (only stored and deflated)");
  ZlibStream zlib;
  if (entry.method == ZipEntry::kDeflated && !zlib.ready)
    return Status::Error(where + "cannot open part: zlib cannot start (out of memory?)");
  std::unique_ptr<char[]> packed(new char[kChunkBytes]), plain(new char[kChunkBytes]);
  uint64_t offset = entry.data_offset, left = entry.packed_size, total = 0;
  uint32_t crc = 0;
  auto damaged = [&](const std::string& why) {
    return Status::Error(where + "damaged or truncated data at byte " + std::to_string(total) + ": " + why);
  };
  // Passes `n` bytes of `bytes` on; false to stop (`*s` says whether in error).
  auto pass = [&](const char* bytes, size_t n, Status* s) {
    if (n > entry.size - total) return *s = damaged("more data than the archive declares"), false;
    total += n;
    bytes_read_ += n;
    if (bytes_read_ > limits_.max_total_bytes)
      return *s = Status::Error(where + "archive inflates to more than " + std::to_string(limits_.max_total_bytes) +
                                " bytes, over the limit (zip bomb?)"), false;
    crc = static_cast<uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(bytes), static_cast<uInt>(n)));
    return sink(std::string_view(bytes, n));
  };
  Status s;
  for (bool done = false; !done;) {
    if (left > 0 && (entry.method == ZipEntry::kStored || zlib.z.avail_in == 0)) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(left, kChunkBytes));
      if (!ReadAt(offset, n, packed.get())) return damaged("read error");
      offset += n;
      left -= n;
      zlib.z.next_in = reinterpret_cast<Bytef*>(packed.get());
      zlib.z.avail_in = static_cast<uInt>(n);
    }
    if (entry.method == ZipEntry::kStored) {
      if (zlib.z.avail_in > 0 && !pass(packed.get(), zlib.z.avail_in, &s)) return s;  // (an empty part: no chunk)
      zlib.z.avail_in = 0;
      done = left == 0;
      continue;
    }
    zlib.z.next_out = reinterpret_cast<Bytef*>(plain.get());
    zlib.z.avail_out = static_cast<uInt>(kChunkBytes);
    int r = inflate(&zlib.z, Z_NO_FLUSH);
    if (r != Z_OK && r != Z_STREAM_END && r != Z_BUF_ERROR)
      return damaged(std::string("invalid compressed data (zlib: ") + (zlib.z.msg ? zlib.z.msg : "error") + ")");
    size_t produced = kChunkBytes - zlib.z.avail_out;
    if (produced > 0 && !pass(plain.get(), produced, &s)) return s;
    if (r == Z_BUF_ERROR && produced == 0 && (left == 0 || zlib.z.avail_in > 0))
      return damaged("the compressed data ends early");
    done = r == Z_STREAM_END;
  }
  if (total != entry.size)
    return damaged(std::to_string(total) + " bytes where the archive declares " + std::to_string(entry.size));
  if (crc != entry.crc) return damaged("CRC error");
  return Status::Ok();
}

Status ZipArchive::ReadAll(const std::string& part, std::string* out) const {
  out->clear();
  return Read(part, [out](std::string_view chunk) {
    out->append(chunk);
    return true;
  });
}

}  // namespace icetrack
