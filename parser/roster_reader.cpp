#include "parser/roster_reader.h"

#include "parser/agency_key.h"
#include "parser/field_values.h"
#include "parser/header_map.h"
#include "parser/moa_link.h"
#include "parser/text.h"
#include "parser/text_date.h"
#include "parser/us_states.h"

namespace icetrack {

namespace {

// `memo[key]`, computed by `read` the first time (and every time once the memo is full).
template <typename Value, typename Read>
Value Remembered(std::unordered_map<std::string, Value>* memo, size_t limit, const std::string& key, Read read) {
  auto it = memo->find(key);
  if (it != memo->end()) return it->second;
  Value value = read();
  if (memo->size() < limit) memo->emplace(key, value);
  return value;
}

bool IsBlank(const TableRow& row) {
  for (const Cell& cell : row.cells) {
    if (cell.kind != CellKind::Empty && !CleanText(cell.Text()).empty()) return false;
  }
  return true;
}

}  // namespace

bool RosterBuilder::Add(const TableRow& row) {
  if (has_header_) {
    if (!IsBlank(row)) AddDataRow(row);
    return true;
  }
  if (IsBlank(row)) return true;
  if (std::optional<HeaderMap> header = ReadHeader(row)) {
    has_header_ = true;
    header_row_ = header->row;
    participating_ = header->Has(Field::Signed);
    for (const HeaderColumn& c : header->columns)
      columns_.push_back({c.column, c.field, c.header});
    return true;
  }
  return ++rows_seen_ < kHeaderSearchRows;
}

bool RosterBuilder::HasColumn(Field field) const {
  for (const Column& c : columns_) {
    if (c.field == field) return true;
  }
  return false;
}

std::string RosterBuilder::HeaderOf(Field field) const {
  for (const Column& c : columns_) {
    if (c.field == field) return c.header;
  }
  return FieldName(field);
}

void RosterBuilder::ReadSigned(const Cell& cell, const std::string& header, RosterRow* out) {
  out->signed_raw = CleanText(cell.Text());
  if (cell.kind == CellKind::Number) {
    CivilDate date;
    if (SerialToDate(cell.number, date1904_, &date) && IsPlausibleDate(date)) {
      out->signed_date = FormatDate(date);
    } else {
      warnings_.push_back({out->source_row, header,
                           "number " + std::string(cell.Text()) + " is not a plausible date; kept as raw text"});
    }
    return;
  }
  if (out->signed_raw.empty()) return;
  CivilDate date;
  switch (ReadTextDate(out->signed_raw, &date)) {
    case TextDateResult::Date:
      out->signed_date = FormatDate(date);
      break;
    case TextDateResult::Ambiguous:
      warnings_.push_back({out->source_row, header,
                           "\"" + out->signed_raw + "\" can be read as more than one date; kept as raw text"});
      break;
    case TextDateResult::NoDate:
      warnings_.push_back({out->source_row, header,
                           "\"" + out->signed_raw + "\" is not a date; kept as raw text"});
      break;
  }
}

void RosterBuilder::AddDataRow(const TableRow& row) {
  RosterRow out;
  out.source_row = row.row;
  size_t next_header = 0;
  for (const Cell& cell : row.cells) {
    while (next_header < columns_.size() && columns_[next_header].column < cell.column) ++next_header;
    bool known = next_header < columns_.size() && columns_[next_header].column == cell.column;
    Field field = known ? columns_[next_header].field : Field::Extra;
    std::string text = CleanText(cell.Text());
    switch (field) {
      case Field::State: out.state = text; break;
      case Field::Agency: out.agency = text; break;
      case Field::AgencyType: out.agency_type = text; break;
      case Field::County: out.county = CountyFromText(text); break;
      case Field::Model: out.model_raw = text; break;
      case Field::Signed: ReadSigned(cell, columns_[next_header].header, &out); break;
      case Field::Moa: {
        LinkCell link = ReadLinkCell(cell.Text(), cell.hyperlink);
        out.moa_status = link.status;
        out.moa_url = link.url;
        break;
      }
      case Field::Addendum: out.addendum_url = ReadLinkCell(cell.Text(), cell.hyperlink).url; break;
      case Field::Extra:
        if (!text.empty())
          out.extra.emplace_back(known ? columns_[next_header].header : "column " + ColumnName(cell.column), text);
        break;
    }
  }
  int distance = 0;
  StateReading state = Remembered(&states_, kMemoEntries, out.state, [&] {
    StateReading r;
    r.code = StateCode(out.state, &r.distance);
    return r;
  });
  out.state_code = state.code;
  distance = state.distance;
  if (out.state_code.empty() && !out.state.empty())
    warnings_.push_back({out.source_row, HeaderOf(Field::State), "unknown state \"" + out.state + "\""});
  else if (distance > 0)
    warnings_.push_back({out.source_row, HeaderOf(Field::State), "\"" + out.state + "\" read as " + out.state_code});
  out.model = Remembered(&models_, kMemoEntries, out.model_raw, [&] { return ModelFromText(out.model_raw); });
  if (out.model == Model::Unknown && HasColumn(Field::Model))
    warnings_.push_back({out.source_row, HeaderOf(Field::Model),
                         out.model_raw.empty() ? std::string("no model") : "unknown model \"" + out.model_raw + "\""});
  if (!out.agency_type.empty()) {
    std::string canonical = Remembered(&agency_types_, kMemoEntries, out.agency_type,
                                       [&] { return AgencyTypeFromText(out.agency_type); });
    if (canonical.empty())
      warnings_.push_back({out.source_row, HeaderOf(Field::AgencyType), "unknown agency type \"" + out.agency_type + "\"; kept as written"});
    else
      out.agency_type = canonical;
  }
  if (out.agency.empty())
    warnings_.push_back({out.source_row, HeaderOf(Field::Agency), "no agency name"});
  out.key = AgencyKey(out);
  rows_.push_back(std::move(out));
}

void RosterBuilder::Finish(Roster* out) {
  out->kind = participating_ ? ListKind::Participating : ListKind::Pending;
  out->header_row = header_row_;
  for (const Column& c : columns_) {
    if (c.field != Field::Extra) out->fields.push_back(FieldName(c.field));
  }
  std::vector<Warning> duplicates = SeparateDuplicateKeys(&rows_);
  warnings_.insert(warnings_.end(), duplicates.begin(), duplicates.end());
  out->rows = std::move(rows_);
  out->warnings = std::move(warnings_);
}

Status ReadRoster(const XlsxReader& workbook, Roster* out) {
  *out = Roster();
  const std::vector<SheetInfo>& sheets = workbook.sheets();
  for (size_t i = 0; i < sheets.size(); ++i) {
    RosterBuilder builder(workbook.date1904());
    Status s = workbook.ReadSheet(i, [&](const TableRow& row) { return builder.Add(row); });
    if (!s.ok()) return s;
    if (!builder.has_header()) continue;
    builder.Finish(out);
    out->sheet = sheets[i].name;
    for (size_t j = 0; j < sheets.size(); ++j) {
      if (j != i) out->ignored_sheets.push_back(sheets[j].name);
    }
    return Status::Ok();
  }
  return Status::Error(workbook.label() + ": " + sheets[0].part +
                       ": no roster header (STATE and LAW ENFORCEMENT AGENCY columns) in the first " +
                       std::to_string(kHeaderSearchRows) + " rows of any sheet");
}

Status ReadRosterBuffer(std::string bytes, const std::string& label, const ZipLimits& limits, Roster* out) {
  std::unique_ptr<XlsxReader> workbook;
  Status s = XlsxReader::OpenBuffer(std::move(bytes), label, limits, &workbook);
  if (!s.ok()) return s;
  return ReadRoster(*workbook, out);
}

}  // namespace icetrack
