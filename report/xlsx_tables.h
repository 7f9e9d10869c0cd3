// Workbooks for people, written with libxlsxwriter: one table a sheet, its
// header row bold, frozen and filtered, dates as real Excel dates, links as
// hyperlinks, each column as wide as its content (within a cap).
//
// Promises: a cell is typed by its column (XlsxKind); a value its kind
// cannot hold (a date that is no date, a link that is not http(s), one
// longer than Excel takes, or past its 65,530 links a sheet) is written as
// the text it is, never dropped. Only http:// and https:// become links:
// libxlsxwriter would make "external:" and "internal:" values links to local
// files and sheets. The one part of report/ that writes a file: libxlsxwriter
// 1.1.4 (Debian 12) writes only to a path (no output buffer before 1.1.5).
// Fails with a Status naming the path; never throws.
#pragma once

#include <string>
#include <vector>

#include "model/roster_entry.h"
#include "model/status.h"

namespace icetrack {

enum class XlsxKind {
  Text,
  Number,  // an integer or decimal
  Date,    // YYYY-MM-DD
  Time,    // ISO-8601 UTC, YYYY-MM-DDTHH:MM:SSZ (shown to the minute, UTC)
  Link,    // an http(s) URL
};

struct XlsxColumn {
  std::string header;
  XlsxKind kind = XlsxKind::Text;
};

struct XlsxTable {
  std::string sheet;  // at most 31 characters, none of []:*?/\ (Excel's rules)
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<std::string>> rows;  // a value a column; "" = an empty cell
};

Status WriteXlsx(const std::string& path, const std::vector<XlsxTable>& tables);

// The sheet `Roster`: RosterColumns() (report/roster_listing.h), typed.
XlsxTable RosterTable(const std::vector<RosterEntry>& entries);

}  // namespace icetrack
