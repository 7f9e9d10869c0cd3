#include "report/xlsx_tables.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "model/shared_library.h"
#include "model/utc_time.h"
#include "report/roster_listing.h"

namespace icetrack {

namespace {

// libxlsxwriter, opened with dlopen by the first export that needs it
// (model/shared_library.h says why): it also brings libcrypto, minizip and
// zlib into a process.
struct XlsxWriterLibrary {
  decltype(&::workbook_new_opt) workbook_new_opt;
  decltype(&::workbook_add_format) workbook_add_format;
  decltype(&::workbook_get_default_url_format) workbook_get_default_url_format;
  decltype(&::workbook_add_worksheet) workbook_add_worksheet;
  decltype(&::workbook_close) workbook_close;
  decltype(&::format_set_bold) format_set_bold;
  decltype(&::format_set_bg_color) format_set_bg_color;
  decltype(&::format_set_bottom) format_set_bottom;
  decltype(&::format_set_num_format) format_set_num_format;
  decltype(&::worksheet_write_string) worksheet_write_string;
  decltype(&::worksheet_write_number) worksheet_write_number;
  decltype(&::worksheet_write_datetime) worksheet_write_datetime;
  decltype(&::worksheet_write_url) worksheet_write_url;
  decltype(&::worksheet_set_column) worksheet_set_column;
  decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
  decltype(&::worksheet_autofilter) worksheet_autofilter;
  decltype(&::lxw_strerror) strerror;
};

const LoadedTable<XlsxWriterLibrary>& Loaded() {
  static const LoadedTable<XlsxWriterLibrary> loaded =
      LoadTable<XlsxWriterLibrary>("libxlsxwriter.so.4", [](SharedLibrary& so, XlsxWriterLibrary* x) {
        return so.Bind("workbook_new_opt", &x->workbook_new_opt) &&
               so.Bind("workbook_add_format", &x->workbook_add_format) &&
               so.Bind("workbook_get_default_url_format", &x->workbook_get_default_url_format) &&
               so.Bind("workbook_add_worksheet", &x->workbook_add_worksheet) &&
               so.Bind("workbook_close", &x->workbook_close) && so.Bind("format_set_bold", &x->format_set_bold) &&
               so.Bind("format_set_bg_color", &x->format_set_bg_color) &&
               so.Bind("format_set_bottom", &x->format_set_bottom) &&
               so.Bind("format_set_num_format", &x->format_set_num_format) &&
               so.Bind("worksheet_write_string", &x->worksheet_write_string) &&
               so.Bind("worksheet_write_number", &x->worksheet_write_number) &&
               so.Bind("worksheet_write_datetime", &x->worksheet_write_datetime) &&
               so.Bind("worksheet_write_url", &x->worksheet_write_url) &&
               so.Bind("worksheet_set_column", &x->worksheet_set_column) &&
               so.Bind("worksheet_freeze_panes", &x->worksheet_freeze_panes) &&
               so.Bind("worksheet_autofilter", &x->worksheet_autofilter) && so.Bind("lxw_strerror", &x->strerror);
      });
  return loaded;
}

// The library's functions; WriteXlsx checks Loaded().ok before anything below calls them.
const XlsxWriterLibrary& Xlsx() { return Loaded().functions; }

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
  f.header = Xlsx().workbook_add_format(book);
  Xlsx().format_set_bold(f.header);
  Xlsx().format_set_bg_color(f.header, 0xDDE4EE);
  Xlsx().format_set_bottom(f.header, LXW_BORDER_THIN);
  f.date = Xlsx().workbook_add_format(book);
  Xlsx().format_set_num_format(f.date, "yyyy-mm-dd");
  f.time = Xlsx().workbook_add_format(book);
  Xlsx().format_set_num_format(f.time, "yyyy-mm-dd hh:mm");
  f.link = Xlsx().workbook_get_default_url_format(book);
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
  if (kind == XlsxKind::Date && ReadDate(value, &when)) return Xlsx().worksheet_write_datetime(sheet, r, c, &when, f.date);
  if (kind == XlsxKind::Time && ReadTime(value, &when)) return Xlsx().worksheet_write_datetime(sheet, r, c, &when, f.time);
  if (kind == XlsxKind::Number && ReadNumber(value, &number)) return Xlsx().worksheet_write_number(sheet, r, c, number, nullptr);
  if (kind == XlsxKind::Link && IsWebLink(value)) {
    lxw_error e = Xlsx().worksheet_write_url(sheet, r, c, value.c_str(), f.link);
    if (e != LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED && e != LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED) return e;
  }
  return Xlsx().worksheet_write_string(sheet, r, c, value.c_str(), nullptr);
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
  lxw_worksheet* sheet = Xlsx().workbook_add_worksheet(book, t.sheet.c_str());
  if (!sheet) return LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;  // libxlsxwriter checked the name and refused it
  lxw_error e = LXW_NO_ERROR;
  for (size_t c = 0; c < t.columns.size() && !e; ++c) {
    e = Xlsx().worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.columns[c].header.c_str(), f.header);
    if (!e) e = Xlsx().worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), WidthOf(t, c), nullptr);
  }
  for (size_t r = 0; r < t.rows.size() && !e; ++r) {
    for (size_t c = 0; c < t.columns.size() && c < t.rows[r].size() && !e; ++c)
      e = WriteCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t.columns[c].kind, t.rows[r][c], f);
  }
  if (!e) Xlsx().worksheet_freeze_panes(sheet, 1, 0);
  if (!e && !t.columns.empty())
    e = Xlsx().worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(t.rows.size()), static_cast<lxw_col_t>(t.columns.size() - 1));
  return e;
}

}  // namespace

Status WriteXlsx(const std::string& path, const std::vector<XlsxTable>& tables) {
  // Row by row, each row written out when the next begins, strings inline:
  // libxlsxwriter's default keeps every cell in a tree until the end, which
  // took most of an export's time on a full history (docs/PERFORMANCE.md).
  if (!Loaded().ok) return Status::Error(path + ": cannot write it: " + Loaded().error);
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = Xlsx().workbook_new_opt(path.c_str(), &options);
  if (!book) return Status::Error(path + ": cannot write it");
  Formats f = MakeFormats(book);
  lxw_error e = LXW_NO_ERROR;
  for (const XlsxTable& t : tables) {
    if (!e) e = WriteTable(book, t, f);
    if (e) {
      Xlsx().workbook_close(book);  // frees it; the file it wrote is the caller's to remove
      return Status::Error(path + ": sheet " + t.sheet + ": " + Xlsx().strerror(e));
    }
  }
  e = Xlsx().workbook_close(book);
  if (e) return Status::Error(path + ": cannot write it: " + Xlsx().strerror(e));
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
