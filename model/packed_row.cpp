#include "model/packed_row.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <new>
#include <utility>
#include <cstring>
#include <string>

namespace icetrack {

namespace {

// The bytes of a packed row: model (1 byte), MOA link status (1), the width
// of an offset (1: 2 or 4 bytes), one byte unused, the number of extra
// columns (4), then for each field the offset where its text ends (from the
// start of the text), then the text of every field one after the other.
// Fields in this order, then each extra column's header and value. Offsets
// take 2 bytes when the text is under 64 KiB, as every real row's is.
enum FieldIndex : size_t {
  kKey, kState, kStateCode, kAgency, kAgencyType, kCounty, kModelRaw, kSignedDate, kSignedRaw, kMoaUrl,
  kAddendumUrl, kFixedFields
};
constexpr size_t kExtraCountAt = 4;
constexpr size_t kEndsAt = 8;

uint32_t ReadU32(const char* at) {
  uint32_t value;
  std::memcpy(&value, at, sizeof value);
  return value;
}

void WriteU32(char* at, uint32_t value) { std::memcpy(at, &value, sizeof value); }

size_t ReadOffset(const char* at, size_t width) {
  if (width == 4) return ReadU32(at);
  uint16_t value;
  std::memcpy(&value, at, sizeof value);
  return value;
}

void WriteOffset(char* at, size_t width, size_t value) {
  if (width == 4) return WriteU32(at, static_cast<uint32_t>(value));
  uint16_t narrow = static_cast<uint16_t>(value);
  std::memcpy(at, &narrow, sizeof narrow);
}

std::array<std::string_view, kFixedFields> FixedFields(const RosterRow& r) {
  return {r.key,        r.state,  r.state_code, r.agency,  r.agency_type, r.county,
          r.model_raw, r.signed_date, r.signed_raw, r.moa_url, r.addendum_url};
}

// Calls `f` with every field of `r`, in the packed order.
template <typename F>
void ForEachField(const RosterRow& r, F f) {
  for (std::string_view field : FixedFields(r)) f(field);
  for (const auto& [header, value] : r.extra) {
    f(header);
    f(value);
  }
}

size_t TextStart(size_t fields, size_t width) { return kEndsAt + width * fields; }

}  // namespace

struct PackedRow::Block {
  std::atomic<uint32_t> copies;
  uint32_t size;  // of the bytes that follow
};

const char* PackedRow::bytes() const { return reinterpret_cast<const char*>(block_ + 1); }
uint32_t PackedRow::size() const { return block_ ? block_->size : 0; }

PackedRow::PackedRow(const PackedRow& other) : block_(other.block_), source_row_(other.source_row_) {
  if (block_) block_->copies.fetch_add(1, std::memory_order_relaxed);
}

PackedRow::PackedRow(PackedRow&& other) noexcept : block_(other.block_), source_row_(other.source_row_) {
  other.block_ = nullptr;
}

PackedRow& PackedRow::operator=(PackedRow other) noexcept {
  std::swap(block_, other.block_);
  source_row_ = other.source_row_;
  return *this;
}

PackedRow::~PackedRow() {
  // The last copy frees; acquire so that it sees every other copy done with the bytes.
  if (block_ && block_->copies.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    block_->~Block();
    ::operator delete(block_);
  }
}

PackedRow::PackedRow(const RosterRow& row) : source_row_(row.source_row) {
  size_t fields = 0, text = 0;
  ForEachField(row, [&](std::string_view f) { ++fields, text += f.size(); });
  const size_t width = text <= UINT16_MAX ? 2 : 4;
  const size_t start = TextStart(fields, width);
  const size_t size = start + text;
  block_ = new (::operator new(sizeof(Block) + size)) Block{{1}, static_cast<uint32_t>(size)};
  char* out = reinterpret_cast<char*>(block_ + 1);
  out[0] = static_cast<char>(row.model);
  out[1] = static_cast<char>(row.moa_status);
  out[2] = static_cast<char>(width);
  out[3] = 0;
  WriteU32(out + kExtraCountAt, static_cast<uint32_t>(row.extra.size()));
  size_t i = 0, end = 0;
  ForEachField(row, [&](std::string_view f) {
    if (!f.empty()) std::memcpy(out + start + end, f.data(), f.size());
    end += f.size();
    WriteOffset(out + kEndsAt + width * i++, width, end);
  });
}

std::string_view PackedRow::Field(size_t index) const {
  const char* b = bytes();
  const size_t width = static_cast<size_t>(b[2]);
  const size_t fields = kFixedFields + 2 * size_t{ReadU32(b + kExtraCountAt)};
  const size_t begin = index == 0 ? 0 : ReadOffset(b + kEndsAt + width * (index - 1), width);
  const size_t end = ReadOffset(b + kEndsAt + width * index, width);
  return std::string_view(b + TextStart(fields, width) + begin, end - begin);
}

RosterRow PackedRow::Unpack() const {
  RosterRow r;
  if (!block_) return r;
  r.source_row = source_row_;
  r.model = static_cast<Model>(bytes()[0]);
  r.moa_status = static_cast<LinkStatus>(bytes()[1]);
  std::string* fixed[kFixedFields] = {&r.key,        &r.state,     &r.state_code, &r.agency,
                                      &r.agency_type, &r.county,   &r.model_raw,  &r.signed_date,
                                      &r.signed_raw, &r.moa_url,   &r.addendum_url};
  for (size_t i = 0; i < kFixedFields; ++i) fixed[i]->assign(Field(i));
  const size_t extra = ReadU32(bytes() + kExtraCountAt);
  for (size_t i = 0; i < extra; ++i)
    r.extra.emplace_back(std::string(Field(kFixedFields + 2 * i)), std::string(Field(kFixedFields + 2 * i + 1)));
  return r;
}

std::string_view PackedRow::key() const { return block_ ? Field(kKey) : std::string_view(); }
std::string_view PackedRow::signed_date() const { return block_ ? Field(kSignedDate) : std::string_view(); }
Model PackedRow::model() const { return block_ ? static_cast<Model>(bytes()[0]) : Model::Unknown; }
bool PackedRow::has_extra() const { return block_ && ReadU32(bytes() + kExtraCountAt) != 0; }

bool PackedRow::SameFields(const PackedRow& other) const {
  if (block_ == other.block_) return true;  // copies of one packing
  if (!block_ || !other.block_ || size() != other.size()) return false;
  return std::memcmp(bytes(), other.bytes(), size()) == 0;
}

KeyedRows::KeyedRows(std::vector<PackedRow> rows) : rows_(std::move(rows)) {
  auto by_key = [](const PackedRow& a, const PackedRow& b) { return a.key() < b.key(); };
  std::stable_sort(rows_.begin(), rows_.end(), by_key);
  // Of rows sharing a key, the last one given stays: keep the last of each run.
  auto out = rows_.begin();
  for (auto it = rows_.begin(); it != rows_.end(); ++it) {
    if (std::next(it) != rows_.end() && std::next(it)->key() == it->key()) continue;
    if (out != it) *out = std::move(*it);
    ++out;
  }
  rows_.erase(out, rows_.end());
}

const PackedRow* KeyedRows::Find(std::string_view key) const {
  auto it = std::lower_bound(rows_.begin(), rows_.end(), key,
                             [](const PackedRow& row, std::string_view k) { return row.key() < k; });
  return it != rows_.end() && it->key() == key ? &*it : nullptr;
}

RosterRow KeyedRows::at(std::string_view key) const {
  const PackedRow* row = Find(key);
  return row ? row->Unpack() : RosterRow();
}

void KeyedRows::Put(const RosterRow& row) {
  auto it = std::lower_bound(rows_.begin(), rows_.end(), std::string_view(row.key),
                             [](const PackedRow& r, std::string_view k) { return r.key() < k; });
  if (it != rows_.end() && it->key() == row.key) *it = PackedRow(row);
  else rows_.insert(it, PackedRow(row));
}

PackedRoster Pack(const Roster& roster) {
  PackedRoster out;
  static_cast<RosterHeader&>(out) = roster;
  out.rows.reserve(roster.rows.size());
  for (const RosterRow& row : roster.rows) out.rows.emplace_back(row);
  out.warnings = roster.warnings;
  return out;
}

ModelCounts CountModels(const std::vector<PackedRow>& rows) {
  ModelCounts counts;
  for (const PackedRow& row : rows) counts.Add(row.model());
  return counts;
}

}  // namespace icetrack
