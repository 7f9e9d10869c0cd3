#include "tests/support/ice_workbook.h"

#include <xlsxwriter.h>

#include <stdexcept>

namespace icetrack::test {

namespace {

void Check(lxw_error err, const char* what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(err));
}

}  // namespace

double Serial(int year, int month, int day) {
  // Days from 1899-12-30 (Excel's effective epoch for dates after Feb 1900).
  auto days = [](int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  };
  return days(year, month, day) - days(1899, 12, 30);
}

long long UnixTime(int year, int month, int day, int hour) {
  return static_cast<long long>(Serial(year, month, day) - Serial(1970, 1, 1)) * 86400 + hour * 3600;
}

IceRow Row(std::string state, std::string agency, std::string model, double serial,
           std::string moa_url) {
  IceRow r;
  r.state = std::move(state);
  r.agency = std::move(agency);
  r.type = "County";
  r.county = "Some County";
  r.model = std::move(model);
  r.signed_serial = serial;
  r.moa_url = moa_url.empty() ? "https://www.ice.gov/doclib/287gMOA/" + r.agency + ".pdf" : moa_url;
  for (char& c : r.moa_url) c = c == ' ' ? '_' : c;
  return r;
}

void WriteIceWorkbook(const std::string& path, const IceWorkbook& book) {
  lxw_workbook_options options = {};
  options.constant_memory = book.inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw std::runtime_error("cannot create " + path);
  if (book.modified) {
    lxw_doc_properties properties = {};
    properties.created = static_cast<time_t>(book.modified);  // libxlsxwriter writes it as modified too
    Check(workbook_set_properties(wb, &properties), "properties");
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, book.sheet.c_str());
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format_index(date, 14);
  lxw_format* bordered = workbook_add_format(wb);
  format_set_border(bordered, LXW_BORDER_THIN);

  std::vector<std::string> headers = {"STATE", "LAW ENFORCEMENT AGENCY", "TYPE"};
  if (book.county) headers.push_back("COUNTY");
  headers.push_back("SUPPORT TYPE");
  if (book.participating) {
    headers.push_back("SIGNED");
    headers.push_back("MOA");
    if (book.addendum) headers.push_back("ADDENDUM");
  }
  for (const std::string& h : book.extra_columns) headers.push_back(h);
  for (size_t c = 0; c < headers.size(); ++c)
    Check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), nullptr), "header");

  lxw_row_t r = 1;
  for (const IceRow& row : book.rows) {
    lxw_col_t c = 0;
    auto text = [&](const std::string& s) {
      if (!s.empty()) Check(worksheet_write_string(ws, r, c, s.c_str(), nullptr), "cell");
      ++c;
    };
    text(row.state);
    text(row.agency);
    text(row.type);
    if (book.county) text(row.county);
    text(row.model);
    if (book.participating) {
      if (!row.signed_text.empty()) text(row.signed_text);
      else if (row.signed_serial > 0) Check(worksheet_write_number(ws, r, c++, row.signed_serial, date), "date");
      else ++c;
      if (!row.moa_url.empty())
        Check(worksheet_write_url_opt(ws, r, c++, row.moa_url.c_str(), nullptr, row.moa_text.c_str(), nullptr), "url");
      else
        text(row.moa_text);
      if (book.addendum) {
        if (!row.addendum_url.empty())
          Check(worksheet_write_url_opt(ws, r, c++, row.addendum_url.c_str(), nullptr,
                                        row.addendum_text.empty() ? "addendum" : row.addendum_text.c_str(), nullptr), "url");
        else
          text(row.addendum_text);
      }
    }
    ++r;
  }
  for (int i = 0; i < book.trailing_blank_rows; ++i, ++r) {
    for (lxw_col_t c = 0; c < 13; ++c) Check(worksheet_write_blank(ws, r, c, bordered), "blank");
  }
  for (const std::string& name : book.sheets_after) {
    lxw_worksheet* extra = workbook_add_worksheet(wb, name.c_str());
    Check(worksheet_write_string(extra, 0, 0, "Totals by state", nullptr), "extra");
    Check(worksheet_write_string(extra, 1, 0, "FLORIDA", nullptr), "extra");
    Check(worksheet_write_number(extra, 1, 1, 42, nullptr), "extra");
  }
  Check(workbook_close(wb), "close");
}

IceWorkbook GrowingListPublication(int i, int base_rows) {
  IceWorkbook book;
  book.modified = UnixTime(2026, 1, 1) + i * 86400LL;
  static const char* kStates[] = {"TEXAS", "FLORIDA", "GEORGIA", "OHIO", "IOWA"};
  static const char* kModels[] = {"Task Force Model", "Jail Enforcement Model", "Warrant Service Officer"};
  for (int r = 0; r < base_rows + 3 * i; ++r) {
    if ((r * 7 + i) % 53 == 0) continue;  // flapping rows
    IceRow row = Row(kStates[r % 5], "Agency " + std::to_string(r) + " Police Department", kModels[r % 3],
                     Serial(2025, 1 + r % 12, 1 + r % 28));
    if (r % 17 == i % 17) row.signed_serial = Serial(2026, 1, 1 + i % 28);  // re-signed
    book.rows.push_back(row);
  }
  return book;
}

}  // namespace icetrack::test
