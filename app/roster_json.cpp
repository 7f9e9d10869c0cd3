#include "app/roster_json.h"

#include "app/json_writer.h"

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

}  // namespace

void WriteRosterJson(const std::string& file, const Roster& roster, std::string* out) {
  out->reserve(out->size() + 600 * roster.rows.size() + 1024);
  JsonWriter w(out);
  w.BeginObject();
  w.Key("file"), w.String(file);
  w.Key("kind"), w.String(ToString(roster.kind));
  w.Key("sheet"), w.String(roster.sheet);
  w.Key("header_row"), w.Number(roster.header_row);
  w.Key("ignored_sheets");
  w.BeginArray();
  for (const std::string& sheet : roster.ignored_sheets) w.String(sheet);
  w.EndArray();
  w.Key("rows");
  w.BeginArray();
  for (const RosterRow& row : roster.rows) WriteRow(row, &w);
  w.EndArray();
  ModelCounts counts = CountModels(roster.rows);
  w.Key("counts");
  w.BeginObject();
  w.Key("JEM"), w.Number(counts.jem);
  w.Key("TFM"), w.Number(counts.tfm);
  w.Key("WSO"), w.Number(counts.wso);
  w.Key("unknown"), w.Number(counts.unknown);
  w.Key("total"), w.Number(static_cast<int64_t>(roster.rows.size()));
  w.EndObject();
  w.Key("warnings");
  w.BeginArray();
  for (const Warning& warning : roster.warnings) {
    w.BeginObject();
    w.Key("row"), w.Number(warning.row);
    w.Key("column"), w.String(warning.column);
    w.Key("message"), w.String(warning.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  *out += '\n';
}

}  // namespace icetrack
