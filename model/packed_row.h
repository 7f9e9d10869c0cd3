// PackedRow: a RosterRow held compactly, for the rows an import keeps.
//
// A RosterRow is a dozen std::strings (over 400 bytes before its text, and an
// allocation for each long field); an import holds every row of a
// publication, and the state of the list before it, so that overhead, not
// the text, set its memory (1.6 KB a row, issue 11). A PackedRow keeps all
// the fields of a row in one immutable allocation, shared by its copies: a
// roster in sheet order and the same rows in key order (KeyedRows) cost the
// text once. Only where the sheet put the row is kept outside, so a copy can
// be given another one without copying the text. The sharing is counted by
// hand rather than by std::shared_ptr: that takes 16 bytes more in the
// allocation and 8 more in each copy, 24 bytes a row measured on an import
// of a million rows; the count is atomic, as copies cross threads.
//
// Promises: Unpack() gives back exactly the RosterRow packed; SameFields is
// byte equality of every field (extra columns included) but the sheet row.
// A field longer than 4 GiB cannot be packed: the reader's limits on the text
// a workbook delivers stop far below that (parser/xlsx_reader.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/roster.h"

namespace icetrack {

class PackedRow {
 public:
  PackedRow() = default;
  explicit PackedRow(const RosterRow& row);
  PackedRow(const PackedRow& other);
  PackedRow(PackedRow&& other) noexcept;
  PackedRow& operator=(PackedRow other) noexcept;
  ~PackedRow();

  RosterRow Unpack() const;
  std::string_view key() const;
  std::string_view signed_date() const;
  Model model() const;
  bool has_extra() const;
  int source_row() const { return source_row_; }
  void set_source_row(int row) { source_row_ = row; }

  // Every field equal, byte for byte, extra columns included; the sheet row aside.
  bool SameFields(const PackedRow& other) const;

 private:
  struct Block;  // the count of copies, the size, then the bytes (packed_row.cpp)
  const char* bytes() const;
  uint32_t size() const;
  std::string_view Field(size_t index) const;

  Block* block_ = nullptr;  // null only for a row made by PackedRow()
  int source_row_ = 0;
};

// The rows of one publication in key order, for finding a row by its key.
// Of rows sharing a key the last one given stays, as with
// std::map::insert_or_assign.
class KeyedRows {
 public:
  KeyedRows() = default;
  explicit KeyedRows(std::vector<PackedRow> rows);

  // The row with `key`, or nullptr.
  const PackedRow* Find(std::string_view key) const;
  bool count(std::string_view key) const { return Find(key) != nullptr; }
  // The row with `key`, unpacked; an empty row when there is none.
  RosterRow at(std::string_view key) const;
  // Adds `row`, or replaces the row with its key. Keeps key order by moving
  // the rows after it: for building small states (tests), not publications.
  void Put(const RosterRow& row);

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  std::vector<PackedRow>::const_iterator begin() const { return rows_.begin(); }
  std::vector<PackedRow>::const_iterator end() const { return rows_.end(); }
  // For changing what is not the key (the sheet row, say): a row's key must
  // stay as it is, or Find no longer finds it.
  std::vector<PackedRow>::iterator begin() { return rows_.begin(); }
  std::vector<PackedRow>::iterator end() { return rows_.end(); }

 private:
  std::vector<PackedRow> rows_;  // by key, each key once
};

// A Roster whose rows are packed: what an import holds of a publication.
struct PackedRoster : RosterHeader {
  std::vector<PackedRow> rows;  // in sheet order
  std::vector<Warning> warnings;
};

PackedRoster Pack(const Roster& roster);
ModelCounts CountModels(const std::vector<PackedRow>& rows);

}  // namespace icetrack
