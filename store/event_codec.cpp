#include "store/event_codec.h"

#include <nlohmann/json.hpp>

#include "store/row_codec.h"  // ColumnJson

namespace icetrack {

std::string ChangesJson(const std::vector<FieldChange>& changes) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto value = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); };
  for (const FieldChange& c : changes) j[c.field] = {value(c.old_value), value(c.new_value)};
  return ColumnJson(j);
}

std::vector<FieldChange> ParseChanges(const std::string& text) {
  std::vector<FieldChange> out;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (auto& [field, pair] : j.items()) {
    auto str = [](const nlohmann::ordered_json& v) { return v.is_string() ? v.get<std::string>() : ""; };
    if (pair.is_array() && pair.size() == 2) out.push_back({field, str(pair[0]), str(pair[1])});
  }
  return out;
}

const char* const kEventColumns =
    "e.id, e.snapshot_id, e.at, e.kind, e.list, e.key, e.state_code, e.agency, e.model, e.changes, "
    "e.since, e.detail, e.uid, e.agency_type, e.county, e.signed, e.moa_url";

StoredEvent ReadEvent(const sql::Statement& st) {
  StoredEvent s;
  s.id = st.Int(0);
  s.snapshot_id = st.Int(1);
  s.at = st.Text(2);
  ParseEventKind(st.Text(3), &s.event.kind);
  ParseListKind(st.Text(4), &s.event.list);
  s.event.key = st.Text(5);
  s.event.state_code = st.Text(6);
  s.event.agency = st.Text(7);
  ParseModel(st.Text(8), &s.event.model);
  s.event.changes = ParseChanges(st.Text(9));
  s.event.since = st.Text(10);
  s.event.detail = st.Text(11);
  s.uid = st.Text(12);
  s.event.agency_type = st.Text(13);
  s.event.county = st.Text(14);
  s.event.signed_date = st.Text(15);
  s.event.moa_url = st.Text(16);
  return s;
}

}  // namespace icetrack
