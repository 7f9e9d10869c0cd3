#include "parser/zip_archive.h"

#include <libdeflate.h>
#include <unistd.h>
#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace icetrack {

struct ZipArchive::Handle {
  zip_t* zip = nullptr;
  ~Handle() {
    if (zip) zip_discard(zip);
  }
};

struct ZipArchive::Inflater {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Inflater() {
    if (d) libdeflate_free_decompressor(d);
  }
};

namespace {

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

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
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(archive->buffer_.data(), archive->buffer_.size(), 0, &error);
  zip_error_fini(&error);
  if (!source) return Status::Error(label + ": cannot read zip buffer");
  Status s = archive->Open(source);
  if (s.ok()) *out = std::move(archive);
  return s;
}

Status ZipArchive::OpenFile(int fd, const std::string& label, const ZipLimits& limits,
                            std::unique_ptr<ZipArchive>* out) {
  char head[512];
  ssize_t n = pread(fd, head, sizeof head, 0);
  std::string refusal = n < 0 ? label + ": read error: " + std::strerror(errno)
                              : NotAZip(std::string_view(head, static_cast<size_t>(n)), label);
  FILE* file = refusal.empty() ? fdopen(fd, "rb") : nullptr;
  if (!file) {
    if (refusal.empty()) refusal = label + ": cannot read: " + std::strerror(errno);
    close(fd);
    return Status::Error(refusal);
  }
  zip_source_t* source = zip_source_filep_create(file, 0, -1, nullptr);  // closes `file` when freed
  if (!source) {
    std::fclose(file);
    return Status::Error(label + ": cannot read zip file");
  }
  std::unique_ptr<ZipArchive> archive(new ZipArchive());
  archive->limits_ = limits;
  archive->label_ = label;
  Status s = archive->Open(source);
  if (s.ok()) *out = std::move(archive);
  return s;
}

// Opens `source` (taken over: freed on failure) and checks the sizes.
Status ZipArchive::Open(zip_source_t* source) {
  zip_error_t error;
  zip_error_init(&error);
  handle_ = std::make_unique<Handle>();
  handle_->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!handle_->zip) {
    zip_source_free(source);
    int code = zip_error_code_zip(&error);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF || code == ZIP_ER_READ)
      return Status::Error(label_ + ": truncated or damaged zip archive (central directory at end of file missing or inconsistent)");
    return Status::Error(label_ + ": cannot open zip archive: " + why);
  }
  zip_error_fini(&error);
  return CheckSizes();
}

Status ZipArchive::CheckSizes() {
  zip_int64_t n = zip_get_num_entries(handle_->zip, 0);
  uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(handle_->zip, i, 0, &st) != 0) continue;
    if (!(st.valid & ZIP_STAT_SIZE)) continue;
    std::string name = (st.valid & ZIP_STAT_NAME) ? st.name : "#" + std::to_string(i);
    if (st.size > limits_.max_part_bytes)
      return Status::Error(label_ + ": " + name + ": part declares " + std::to_string(st.size) +
                           " bytes uncompressed, over the limit of " +
                           std::to_string(limits_.max_part_bytes) + " (zip bomb?)");
    if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > (1u << 20) &&
        st.size / std::max<uint64_t>(st.comp_size, 1) > limits_.max_ratio)
      return Status::Error(label_ + ": " + name + ": compression ratio " +
                           std::to_string(st.size / std::max<uint64_t>(st.comp_size, 1)) +
                           ":1 is over the limit of " + std::to_string(limits_.max_ratio) +
                           ":1 (zip bomb?)");
    total += st.size;
  }
  if (total > limits_.max_total_bytes)
    return Status::Error(label_ + ": archive declares " + std::to_string(total) +
                         " bytes uncompressed, over the limit of " +
                         std::to_string(limits_.max_total_bytes) + " (zip bomb?)");
  return Status::Ok();
}

ZipArchive::~ZipArchive() = default;  // here, where Handle and Inflater are complete

bool ZipArchive::Has(const std::string& part) const {
  return zip_name_locate(handle_->zip, part.c_str(), ZIP_FL_NOCASE) >= 0;
}

uint64_t ZipArchive::DeclaredSize(const std::string& part) const {
  zip_stat_t st;
  if (zip_stat(handle_->zip, part.c_str(), ZIP_FL_NOCASE, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return 0;
  return st.size;
}

Status ZipArchive::Read(const std::string& part,
                        const std::function<bool(std::string_view)>& sink) const {
  zip_int64_t index = zip_name_locate(handle_->zip, part.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Status::Error(label_ + ": missing required part " + part);
  std::string whole;
  if (!InflateWhole(index, &whole)) return Stream(index, part, sink);
  sink(whole);
  return Status::Ok();
}

bool ZipArchive::ReadWhole(const std::string& part, std::string* out) const {
  out->clear();
  zip_int64_t index = zip_name_locate(handle_->zip, part.c_str(), ZIP_FL_NOCASE);
  return index >= 0 && InflateWhole(index, out);
}

// The compressed bytes read raw (ZIP_FL_COMPRESSED), inflated by libdeflate
// into a buffer of exactly the declared size, then checked against the
// declared CRC-32. The limits hold: the declared size was checked at open.
bool ZipArchive::InflateWhole(int64_t index, std::string* out) const {
  zip_stat_t st;
  const uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                        ZIP_STAT_ENCRYPTION_METHOD;
  if (zip_stat_index(handle_->zip, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & need) != need || st.comp_method != ZIP_CM_DEFLATE ||
      st.encryption_method != ZIP_EM_NONE || st.size == 0 || st.size > kWholePartBytes ||
      st.comp_size > kWholePartBytes || bytes_read_ + st.size > limits_.max_total_bytes)
    return false;
  std::unique_ptr<zip_file_t, FileCloser> file(
      zip_fopen_index(handle_->zip, static_cast<zip_uint64_t>(index), ZIP_FL_COMPRESSED));
  if (!file) return false;
  // Not zero-filled first: zip_fread writes every byte, or the part is read again by libzip.
  std::unique_ptr<char[]> packed(new char[st.comp_size]);
  if (zip_fread(file.get(), packed.get(), st.comp_size) != static_cast<zip_int64_t>(st.comp_size)) return false;
  if (!inflater_) inflater_ = std::make_unique<Inflater>();
  if (!inflater_->d) return false;
  out->resize(st.size);
  size_t got = 0;
  bool ok = libdeflate_deflate_decompress(inflater_->d, packed.get(), st.comp_size, out->data(),
                                          out->size(), &got) == LIBDEFLATE_SUCCESS &&
            got == st.size && libdeflate_crc32(0, out->data(), out->size()) == st.crc;
  if (!ok) {
    out->clear();
    return false;
  }
  bytes_read_ += st.size;
  return true;
}

Status ZipArchive::Stream(int64_t index, const std::string& part,
                          const std::function<bool(std::string_view)>& sink) const {
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(handle_->zip, static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    return Status::Error(label_ + ": " + part + ": cannot open part: " +
                         zip_error_strerror(zip_get_error(handle_->zip)));
  }
  char chunk[64 * 1024];
  uint64_t total = 0;
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
    if (n < 0) {
      return Status::Error(label_ + ": " + part + ": damaged or truncated data at byte " +
                           std::to_string(total) + ": " +
                           zip_error_strerror(zip_file_get_error(file.get())));
    }
    if (n == 0) break;
    total += static_cast<uint64_t>(n);
    if (total > limits_.max_part_bytes)
      return Status::Error(label_ + ": " + part + ": more than " +
                           std::to_string(limits_.max_part_bytes) +
                           " bytes uncompressed, over the limit (zip bomb?)");
    bytes_read_ += static_cast<uint64_t>(n);
    if (bytes_read_ > limits_.max_total_bytes)
      return Status::Error(label_ + ": " + part + ": archive inflates to more than " +
                           std::to_string(limits_.max_total_bytes) + " bytes, over the limit (zip bomb?)");
    if (!sink(std::string_view(chunk, static_cast<size_t>(n)))) break;
  }
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
