#include "app/roster_json.h"

namespace icetrack {

namespace {

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

}  // namespace

nlohmann::ordered_json RowJson(const RosterRow& row) {
  nlohmann::ordered_json j;
  j["row"] = row.source_row;
  j["state"] = row.state;
  j["state_code"] = OrNull(row.state_code);
  j["agency"] = row.agency;
  j["agency_type"] = OrNull(row.agency_type);
  j["county"] = OrNull(row.county);
  j["model"] = row.model == Model::Unknown ? nlohmann::ordered_json() : ToString(row.model);
  j["model_raw"] = row.model_raw;
  j["signed"] = OrNull(row.signed_date);
  j["signed_raw"] = OrNull(row.signed_raw);
  j["moa_url"] = OrNull(row.moa_url);
  j["moa_status"] = ToString(row.moa_status);
  j["addendum_url"] = OrNull(row.addendum_url);
  j["key"] = row.key;
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
  for (const auto& [header, value] : row.extra) extra[header] = value;
  j["extra"] = extra;
  return j;
}

nlohmann::ordered_json RosterJson(const std::string& file, const Roster& roster) {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["kind"] = ToString(roster.kind);
  j["sheet"] = roster.sheet;
  j["header_row"] = roster.header_row;
  j["ignored_sheets"] = roster.ignored_sheets;
  j["rows"] = nlohmann::ordered_json::array();
  for (const RosterRow& row : roster.rows) j["rows"].push_back(RowJson(row));
  ModelCounts counts = CountModels(roster.rows);
  j["counts"] = {{"JEM", counts.jem}, {"TFM", counts.tfm}, {"WSO", counts.wso},
                 {"unknown", counts.unknown}, {"total", roster.rows.size()}};
  j["warnings"] = nlohmann::ordered_json::array();
  for (const Warning& w : roster.warnings)
    j["warnings"].push_back({{"row", w.row}, {"column", w.column}, {"message", w.message}});
  return j;
}

}  // namespace icetrack
