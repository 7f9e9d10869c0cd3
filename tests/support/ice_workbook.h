// Writes workbooks in ICE's layout with libxlsxwriter, for tests that must
// not depend on the real files: header in row 1 (STATE, LAW ENFORCEMENT
// AGENCY, TYPE, COUNTY, SUPPORT TYPE, SIGNED, MOA, ADDENDUM), SIGNED as a
// date serial with built-in format 14, MOA as "link" with a hyperlink.
#pragma once

#include <string>
#include <vector>

namespace icetrack::test {

struct IceRow {
  std::string state, agency, type, county, model;
  double signed_serial = 0;     // written as a date cell when > 0
  std::string signed_text;      // written as a text cell when not empty
  std::string moa_text = "link";
  std::string moa_url;          // hyperlink of the MOA cell
  std::string addendum_text, addendum_url;
};

struct IceWorkbook {
  bool participating = true;    // false: no SIGNED/MOA/ADDENDUM columns
  std::string sheet = "Sheet1";
  bool county = true;
  bool addendum = true;         // participating only
  bool inline_strings = false;  // libxlsxwriter's constant_memory mode writes t="inlineStr"
  int trailing_blank_rows = 0;  // formatted, empty rows after the data
  std::vector<std::string> extra_columns;  // more headers, after the known ones, left empty
  std::vector<std::string> sheets_after;   // more sheets (a totals sheet), written after
  std::vector<IceRow> rows;
  long long modified = 0;       // docProps modified time (Unix seconds); 0 = now
};

void WriteIceWorkbook(const std::string& path, const IceWorkbook& book);

// A convenience row: state, agency, model full name, signed serial, MOA URL.
IceRow Row(std::string state, std::string agency, std::string model, double serial = 45658,
           std::string moa_url = "");

// Publication `i` (one a day from 2026-01-01) of a list of about `base_rows`
// + 3i rows that grows, flaps and re-signs, as ICE's does.
IceWorkbook GrowingListPublication(int i, int base_rows);

// Unix time of a UTC date and hour, for IceWorkbook::modified.
long long UnixTime(int year, int month, int day, int hour = 12);

// Excel serial of a date (1900 system), e.g. Serial(2025, 7, 1) == 45839.
double Serial(int year, int month, int day);

}  // namespace icetrack::test
