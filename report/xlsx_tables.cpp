#include "report/xlsx_tables.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "model/utc_time.h"
#include "report/roster_listing.h"

namespace icetrack {

namespace {

// Excel's limits: a link's length, the characters a column's width counts.
constexpr size_t kMaxLinkLength = 2079;
constexpr double kMinWidth = 6, kMaxWidth = 60;

struct Formats {
  lxw_format* header;
  lxw_format* date;
  lxw_format* time;
  lxw_format* link;
};

Formats MakeFormats(lxw_workbook* book) {
  Formats f;
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDE4EE);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.date = workbook_add_format(book);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.time = workbook_add_format(book);
  format_set_num_format(f.time, "yyyy-mm-dd hh:mm");
  f.link = workbook_get_default_url_format(book);
  return f;
}

bool ReadDate(const std::string& text, lxw_datetime* out) {
  int y, m, d;
  char tail;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  UtcTime check;
  if (!ParseIsoTime(text + "T00:00:00Z", &check) || y < 1900) return false;
  *out = lxw_datetime{y, m, d, 0, 0, 0};
  return true;
}

bool ReadTime(const std::string& text, lxw_datetime* out) {
  UtcTime t;
  if (!ParseIsoTime(text, &t)) return false;
  std::string iso = FormatIsoTime(t);  // YYYY-MM-DDTHH:MM:SSZ
  int y, mo, d, h, mi, s;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6 || y < 1900) return false;
  *out = lxw_datetime{y, mo, d, h, mi, static_cast<double>(s)};
  return true;
}

bool ReadNumber(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end && *end == '\0';
}

bool IsWebLink(const std::string& text) {
  return text.size() <= kMaxLinkLength && (text.rfind("https://", 0) == 0 || text.rfind("http://", 0) == 0);
}

// One cell by its column's kind; the text it is where the kind cannot hold it.
lxw_error WriteCell(lxw_worksheet* sheet, lxw_row_t r, lxw_col_t c, XlsxKind kind, const std::string& value,
                    const Formats& f) {
  if (value.empty()) return LXW_NO_ERROR;
  lxw_datetime when;
  double number;
  if (kind == XlsxKind::Date && ReadDate(value, &when)) return worksheet_write_datetime(sheet, r, c, &when, f.date);
  if (kind == XlsxKind::Time && ReadTime(value, &when)) return worksheet_write_datetime(sheet, r, c, &when, f.time);
  if (kind == XlsxKind::Number && ReadNumber(value, &number)) return worksheet_write_number(sheet, r, c, number, nullptr);
  if (kind == XlsxKind::Link && IsWebLink(value)) {
    lxw_error e = worksheet_write_url(sheet, r, c, value.c_str(), f.link);
    if (e != LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED && e != LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED) return e;
  }
  return worksheet_write_string(sheet, r, c, value.c_str(), nullptr);
}

// How wide a column is shown: its longest value in characters, within a cap.
double WidthOf(const XlsxTable& t, size_t c) {
  size_t longest = t.columns[c].header.size() + 2;  // the filter's button
  for (const auto& row : t.rows) {
    if (c >= row.size()) continue;
    size_t chars = 0;
    for (unsigned char b : row[c]) chars += (b & 0xC0) != 0x80;  // UTF-8 lead bytes
    if (t.columns[c].kind == XlsxKind::Time) chars = 16;
    longest = std::max(longest, chars);
  }
  return std::clamp(static_cast<double>(longest) + 1, kMinWidth, kMaxWidth);
}

lxw_error WriteTable(lxw_workbook* book, const XlsxTable& t, const Formats& f) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, t.sheet.c_str());
  if (!sheet) return LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;  // libxlsxwriter checked the name and refused it
  lxw_error e = LXW_NO_ERROR;
  for (size_t c = 0; c < t.columns.size() && !e; ++c) {
    e = worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.columns[c].header.c_str(), f.header);
    if (!e) e = worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), WidthOf(t, c), nullptr);
  }
  for (size_t r = 0; r < t.rows.size() && !e; ++r) {
    for (size_t c = 0; c < t.columns.size() && c < t.rows[r].size() && !e; ++c)
      e = WriteCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t.columns[c].kind, t.rows[r][c], f);
  }
  if (!e) worksheet_freeze_panes(sheet, 1, 0);
  if (!e && !t.columns.empty())
    e = worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(t.rows.size()), static_cast<lxw_col_t>(t.columns.size() - 1));
  return e;
}

}  // namespace

Status WriteXlsx(const std::string& path, const std::vector<XlsxTable>& tables) {
  // Row by row, each row written out when the next begins, strings inline:
  // libxlsxwriter's default keeps every cell in a tree until the end, which
  // took most of an export's time on a full history (docs/PERFORMANCE.md).
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (!book) return Status::Error(path + ": cannot write it");
  Formats f = MakeFormats(book);
  lxw_error e = LXW_NO_ERROR;
  for (const XlsxTable& t : tables) {
    if (!e) e = WriteTable(book, t, f);
    if (e) {
      workbook_close(book);  // frees it; the file it wrote is the caller's to remove
      return Status::Error(path + ": sheet " + t.sheet + ": " + lxw_strerror(e));
    }
  }
  e = workbook_close(book);
  if (e) return Status::Error(path + ": cannot write it: " + lxw_strerror(e));
  return Status::Ok();
}

XlsxTable RosterTable(const std::vector<RosterEntry>& entries) {
  XlsxTable t;
  t.sheet = "Roster";
  for (const std::string& name : RosterColumns()) {
    XlsxKind kind = XlsxKind::Text;
    if (name == "signed") kind = XlsxKind::Date;
    if (name == "moa_url" || name == "addendum_url") kind = XlsxKind::Link;
    if (name == "first_listed" || name == "last_changed") kind = XlsxKind::Time;
    if (name == "agreement_id") kind = XlsxKind::Number;
    t.columns.push_back({name, kind});
  }
  for (const RosterEntry& e : entries) t.rows.push_back(RosterFields(e));
  return t;
}

}  // namespace icetrack
