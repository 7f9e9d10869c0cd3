#include "report/roster_format.h"

#include <algorithm>

namespace icetrack {

namespace {

void WriteRow(const RosterRow& row, JsonWriter* w) {
  w->BeginObject();
  w->Key("row"), w->Number(row.source_row);
  w->Key("state"), w->String(row.state);
  w->Key("state_code"), w->StringOrNull(row.state_code);
  w->Key("agency"), w->String(row.agency);
  w->Key("agency_type"), w->StringOrNull(row.agency_type);
  w->Key("county"), w->StringOrNull(row.county);
  w->Key("model"), w->StringOrNull(ToString(row.model));
  w->Key("model_raw"), w->String(row.model_raw);
  w->Key("signed"), w->StringOrNull(row.signed_date);
  w->Key("signed_raw"), w->StringOrNull(row.signed_raw);
  w->Key("moa_url"), w->StringOrNull(row.moa_url);
  w->Key("moa_status"), w->String(ToString(row.moa_status));
  w->Key("addendum_url"), w->StringOrNull(row.addendum_url);
  w->Key("key"), w->String(row.key);
  w->Key("extra");
  w->BeginObject();
  for (const auto& [header, value] : row.extra) w->Key(header), w->String(value);
  w->EndObject();
  w->EndObject();
}

// Characters, not bytes: "Sheriff’s" is 9 wide, not 11.
size_t Width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// `s` cut to `width` characters (the cut marked with ~) and padded.
std::string Column(std::string_view s, size_t width) {
  size_t total = Width(s);
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (lead && ++n > width - 1 && total > width) {
      out += "~";
      break;
    }
    out += s[i];
  }
  return out + std::string(width - std::min(width, Width(out)), ' ');
}

}  // namespace

void RosterTextWriter::Count(const RosterRow& row) {
  counts_.Add(row.model);
  ++rows_;
}

void RosterTextWriter::Flush(size_t at_least) {
  if (buffer_.size() < at_least) return;
  write_(buffer_);
  buffer_.clear();
}

void RosterJsonWriter::Begin(const RosterHeader& header) {
  json_.BeginObject();
  json_.Key("file"), json_.String(file_);
  json_.Key("kind"), json_.String(ToString(header.kind));
  json_.Key("sheet"), json_.String(header.sheet);
  json_.Key("header_row"), json_.Number(header.header_row);
  json_.Key("ignored_sheets");
  json_.BeginArray();
  for (const std::string& sheet : header.ignored_sheets) json_.String(sheet);
  json_.EndArray();
  json_.Key("rows");
  json_.BeginArray();
}

void RosterJsonWriter::Row(RosterRow&& row) {
  WriteRow(row, &json_);
  Count(row);
  Flush(kFlushBytes);
}

void RosterJsonWriter::End(const std::vector<Warning>& warnings) {
  json_.EndArray();
  json_.Key("counts");
  json_.BeginObject();
  json_.Key("JEM"), json_.Number(counts_.jem);
  json_.Key("TFM"), json_.Number(counts_.tfm);
  json_.Key("WSO"), json_.Number(counts_.wso);
  json_.Key("unknown"), json_.Number(counts_.unknown);
  json_.Key("total"), json_.Number(rows_);
  json_.EndObject();
  json_.Key("warnings");
  json_.BeginArray();
  for (const Warning& warning : warnings) {
    json_.BeginObject();
    json_.Key("row"), json_.Number(warning.row);
    json_.Key("column"), json_.String(warning.column);
    json_.Key("message"), json_.String(warning.message);
    json_.EndObject();
    Flush(kFlushBytes);
  }
  json_.EndArray();
  json_.EndObject();
  buffer_ += '\n';
  Flush(0);
}

void RosterTableWriter::Begin(const RosterHeader& header) {
  header_ = header;
  buffer_ += Column("ST", 2) + "  " + Column("AGENCY", 44) + "  " + Column("TYPE", 12) + "  " + Column("MOD", 3) +
             "  " + Column("SIGNED", 10) + "  " + Column("MOA", 7) + "  COUNTY\n";
}

void RosterTableWriter::Row(RosterRow&& r) {
  std::string model = r.model == Model::Unknown ? "?" : ToString(r.model);
  std::string signed_date = r.signed_date.empty() ? (r.signed_raw.empty() ? "" : "?" + r.signed_raw) : r.signed_date;
  buffer_ += Column(r.state_code.empty() ? "??" : r.state_code, 2) + "  " + Column(r.agency, 44) + "  " +
             Column(r.agency_type, 12) + "  " + Column(model, 3) + "  " + Column(signed_date, 10) + "  " +
             Column(ToString(r.moa_status), 7) + "  " + r.county + "\n";
  Count(r);
  Flush(kFlushBytes);
}

void RosterTableWriter::End(const std::vector<Warning>& warnings) {
  buffer_ += "\n" + file_ + ": " + ToString(header_.kind) + " list, sheet \"" + header_.sheet + "\", header row " +
             std::to_string(header_.header_row) + "\n";
  buffer_ += std::to_string(rows_) + " rows: JEM " + std::to_string(counts_.jem) + ", TFM " +
             std::to_string(counts_.tfm) + ", WSO " + std::to_string(counts_.wso) + ", unknown model " +
             std::to_string(counts_.unknown) + "\n";
  for (const std::string& sheet : header_.ignored_sheets) buffer_ += "ignored sheet \"" + sheet + "\" (not the roster)\n";
  for (const Warning& w : warnings) {
    buffer_ += "warning: row " + std::to_string(w.row) + (w.column.empty() ? "" : ", ") + w.column + ": " + w.message + "\n";
    Flush(kFlushBytes);
  }
  Flush(0);
}

}  // namespace icetrack
