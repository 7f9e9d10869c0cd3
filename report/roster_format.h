// A roster for people and programs, written as it is read (RosterSink), so
// that a million-row workbook is never held as text: what `icetrack parse`
// prints, as a table or as one JSON document.
//
// Promises: output goes to `write` in pieces of about kFlushBytes, the last
// at End(); the JSON document is the same, byte for byte, whether the rows
// came held or streamed, and always valid (bytes that are not UTF-8 become
// U+FFFD). Writes nothing anywhere else; never throws.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/roster.h"
#include "report/json_writer.h"

namespace icetrack {

using WriteText = std::function<void(std::string_view)>;

constexpr size_t kFlushBytes = size_t{64} << 10;

// What both formats share: the file's name, the buffer written out in
// pieces, and the counts kept as rows pass.
class RosterTextWriter : public RosterSink {
 protected:
  RosterTextWriter(std::string file, WriteText write) : file_(std::move(file)), write_(std::move(write)) {}
  void Count(const RosterRow& row);
  void Flush(size_t at_least);  // writes the buffer out once it holds at_least bytes
  std::string file_;
  std::string buffer_;
  ModelCounts counts_;
  int64_t rows_ = 0;

 private:
  WriteText write_;
};

// {"file", "kind", "sheet", "header_row", "ignored_sheets", "rows": [...],
//  "counts": {"JEM", "TFM", "WSO", "unknown", "total"}, "warnings": [...]}
class RosterJsonWriter : public RosterTextWriter {
 public:
  RosterJsonWriter(std::string file, WriteText write) : RosterTextWriter(std::move(file), std::move(write)) {}
  void Begin(const RosterHeader& header) override;
  void Row(RosterRow&& row) override;
  void End(const std::vector<Warning>& warnings) override;

 private:
  JsonWriter json_{&buffer_};
};

// One line a row (state, agency, type, model, signed date, MOA, county),
// then the sheet, the counts, the ignored sheets and the warnings.
class RosterTableWriter : public RosterTextWriter {
 public:
  RosterTableWriter(std::string file, WriteText write) : RosterTextWriter(std::move(file), std::move(write)) {}
  void Begin(const RosterHeader& header) override;
  void Row(RosterRow&& row) override;
  void End(const std::vector<Warning>& warnings) override;

 private:
  RosterHeader header_;
};

}  // namespace icetrack
