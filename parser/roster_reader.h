// Roster reader: from a workbook (or any table) to a normalized Roster.
//
// Promises: finds the header row within the first rows of the first sheet
// that has one (other sheets are named in Roster::ignored_sheets); decides
// the list by its columns (a SIGNED column means participating), never by a
// file name; normalizes every value (see model/roster.h) and keeps unknown
// columns under RosterRow::extra; gives every row a stable key and keeps rows
// that share a key apart. A value that cannot be read with certainty is left
// empty, its raw text kept and a Warning added: never guessed.
// A workbook without any roster header is an error.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/packed_row.h"
#include "model/roster.h"
#include "model/status.h"
#include "model/table.h"
#include "parser/header_map.h"
#include "parser/xlsx_reader.h"

namespace icetrack {

constexpr int kHeaderSearchRows = 10;

// Raise when a change here (or in the normalizers) reads stored workbooks
// into other rows or keys: writers then rebuild the change log (app/rebuild.h).
// 3: a row listing two models is two agreements; HTML rowspan, headings.
// 4: in a sheet over kKeptRows rows, the two agreements of such a row that
// share their keys with other rows are told apart (both had one key).
constexpr int kRosterRulesVersion = 4;

// Builds a roster from the rows of one table, fed in order.
class RosterBuilder {
 public:
  explicit RosterBuilder(bool date1904 = false) : date1904_(date1904) {}

  // Returns false once it is clear that this table holds no roster
  // (no header within the first kHeaderSearchRows rows with a value).
  bool Add(const TableRow& row);
  bool has_header() const { return has_header_; }
  // Completes `out` (kind, header row, rows, warnings); needs a header.
  void Finish(Roster* out);

  // For reading a roster without holding it (see ReadRoster below): rows go
  // to `sink` as they are read, their keys not yet told apart; Finish()
  // then has no rows to give.
  void set_row_sink(std::function<void(RosterRow&&)> sink) { row_sink_ = std::move(sink); }
  // Warnings are dropped from now on (a pass that only looks at keys).
  void DropWarnings() { keep_warnings_ = false, warnings_.clear(); }
  RosterHeader Header() const;  // kind, header row, fields; needs a header
  std::vector<Warning> TakeWarnings() { return std::move(warnings_); }

 private:
  void Warn(int row, std::string column, std::string message);
  void AddDataRow(const TableRow& row);
  void Keep(RosterRow&& row);  // its key given, to the sink or the rows
  void ReadSigned(const Cell& cell, const std::string& header, RosterRow* out);
  std::string HeaderOf(Field field) const;
  bool HasColumn(Field field) const;

  // Closed-set readings remembered for this table: ICE writes the same few
  // spellings in every row, and reading one costs edit distances. Bounded
  // (kMemoEntries each), so that a sheet of distinct values costs time, not memory.
  struct StateReading {
    std::string code;
    int distance = 0;
  };
  static constexpr size_t kMemoEntries = 4096;
  std::unordered_map<std::string, StateReading> states_;
  std::unordered_map<std::string, std::vector<Model>> models_;
  std::unordered_map<std::string, std::string> agency_types_;

  bool date1904_;
  bool has_header_ = false;
  int rows_seen_ = 0;
  struct Column {
    int column;
    Field field;
    std::string header;
  };
  std::vector<Column> columns_;
  int header_row_ = 0;
  bool participating_ = false;
  std::vector<RosterRow> rows_;
  std::function<void(RosterRow&&)> row_sink_;
  std::vector<Warning> warnings_;
  bool keep_warnings_ = true;
};

// Rows a streamed roster holds at most; see ReadRoster.
constexpr size_t kKeptRows = 8192;

// Reads the roster of an opened workbook into `sink`. Rows that share a key
// are told apart by their content (parser/agency_key.h), which needs all of
// them: a sheet of up to `max_kept_rows` rows is read once and held; a
// larger one is not held but read again — once for the keys, once more
// only when some rows share one (to read those rows), then to deliver the
// rows — so that memory does not grow with rows. Nothing reaches `sink`
// before the sheet has been read once without error. The rows and warnings
// are the same whatever `max_kept_rows` is.
Status ReadRoster(const XlsxReader& workbook, RosterSink* sink, size_t max_kept_rows = kKeptRows);

// Reads the whole roster into `out`, in one pass.
Status ReadRoster(const XlsxReader& workbook, Roster* out);
// Reads the whole roster into `out`, its rows packed as they come: what is
// held grows with the rows' text, not with their fields (a sheet larger than
// kKeptRows is read as ReadRoster with a sink reads it).
Status ReadRoster(const XlsxReader& workbook, PackedRoster* out);

// Opens the workbook in `bytes` (`label` names it in messages) and reads its roster.
Status ReadRosterBuffer(std::string bytes, const std::string& label, const ZipLimits& limits, Roster* out);

}  // namespace icetrack
