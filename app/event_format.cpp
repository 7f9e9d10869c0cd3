#include "app/event_format.h"

#include <cstdio>

namespace icetrack {

namespace {

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

std::string ChangesText(const std::vector<FieldChange>& changes) {
  std::string out;
  for (const FieldChange& c : changes) {
    out += (out.empty() ? "" : "; ") + c.field + ": " + (c.old_value.empty() ? "-" : c.old_value) + " -> " +
           (c.new_value.empty() ? "-" : c.new_value);
  }
  return out;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

nlohmann::ordered_json EventJson(const StoredEvent& e) {
  nlohmann::ordered_json j;
  j["id"] = e.id;
  j["at"] = e.at;
  j["snapshot"] = e.snapshot_id;
  j["kind"] = ToString(e.event.kind);
  j["list"] = ToString(e.event.list);
  j["key"] = OrNull(e.event.key);
  j["state_code"] = OrNull(e.event.state_code);
  j["agency"] = OrNull(e.event.agency);
  j["model"] = OrNull(ToString(e.event.model));
  nlohmann::ordered_json changes = nlohmann::ordered_json::object();
  for (const FieldChange& c : e.event.changes) changes[c.field] = {OrNull(c.old_value), OrNull(c.new_value)};
  j["changes"] = changes;
  j["since"] = OrNull(e.event.since);
  j["detail"] = OrNull(e.event.detail);
  return j;
}

std::string EventLine(const StoredEvent& e) {
  char head[96];
  std::snprintf(head, sizeof head, "%-10.10s  %-19s  %-2s  %-3s  ", e.at.c_str(), ToString(e.event.kind),
                e.event.state_code.empty() ? "" : e.event.state_code.c_str(), ToString(e.event.model));
  std::string line = head;
  line += e.event.agency.empty() ? std::string(ToString(e.event.list)) + " list" : e.event.agency;
  if (e.event.list == ListKind::Pending && !e.event.agency.empty()) line += " (pending list)";
  std::string changes = ChangesText(e.event.changes);
  if (!changes.empty()) line += "  " + changes;
  if (!e.event.detail.empty()) line += "  [" + e.event.detail + "]";
  return line;
}

std::string EventCsvHeader() {
  return "id,at,snapshot,kind,list,key,state_code,agency,model,changes,since,detail";
}

std::string EventCsvRow(const StoredEvent& e) {
  return std::to_string(e.id) + "," + Csv(e.at) + "," + std::to_string(e.snapshot_id) + "," +
         ToString(e.event.kind) + "," + ToString(e.event.list) + "," + Csv(e.event.key) + "," +
         e.event.state_code + "," + Csv(e.event.agency) + "," + ToString(e.event.model) + "," +
         Csv(ChangesText(e.event.changes)) + "," + Csv(e.event.since) + "," + Csv(e.event.detail);
}

}  // namespace icetrack
