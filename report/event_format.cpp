#include "report/event_format.h"

#include <cstdio>

#include "report/csv.h"

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

// "Polk County, County; pending list": where the agency is and what it is.
std::string RowText(const ChangeEvent& e) {
  std::string out = e.county;
  if (!e.agency_type.empty() && e.agency_type != e.county) out += (out.empty() ? "" : ", ") + e.agency_type;
  if (e.list == ListKind::Pending && !e.agency.empty()) out += (out.empty() ? "" : "; ") + std::string("pending list");
  return out;
}

}  // namespace

nlohmann::ordered_json EventJson(const StoredEvent& e) {
  nlohmann::ordered_json j;
  j["id"] = e.id;
  j["uid"] = e.uid;
  j["at"] = e.at;
  j["snapshot"] = e.snapshot_id;
  j["kind"] = ToString(e.event.kind);
  j["list"] = ToString(e.event.list);
  j["key"] = OrNull(e.event.key);
  j["state_code"] = OrNull(e.event.state_code);
  j["agency"] = OrNull(e.event.agency);
  j["model"] = OrNull(ToString(e.event.model));
  j["agency_type"] = OrNull(e.event.agency_type);
  j["county"] = OrNull(e.event.county);
  j["signed"] = OrNull(e.event.signed_date);
  j["moa_url"] = OrNull(e.event.moa_url);
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
  std::string where = RowText(e.event);
  if (!where.empty()) line += " (" + where + ")";
  if (!e.event.signed_date.empty()) line += "  signed " + e.event.signed_date;
  if (!e.event.moa_url.empty()) line += "  MOA " + e.event.moa_url;
  std::string changes = ChangesText(e.event.changes);
  if (!changes.empty()) line += "  " + changes;
  if (!e.event.detail.empty()) line += "  [" + e.event.detail + "]";
  return line;
}

const std::vector<std::string>& EventCsvColumns() {
  static const std::vector<std::string> columns = {
      "id",     "uid",    "at",          "snapshot", "kind",   "list",    "key",   "state_code", "agency", "model",
      "agency_type", "county", "signed", "moa_url", "since", "detail", "field", "old", "new"};
  return columns;
}

std::vector<std::vector<std::string>> EventCsvRows(const StoredEvent& e) {
  const ChangeEvent& c = e.event;
  std::vector<std::string> fields = {std::to_string(e.id), e.uid, e.at, std::to_string(e.snapshot_id),
                                     ToString(c.kind), ToString(c.list), c.key, c.state_code, c.agency,
                                     ToString(c.model), c.agency_type, c.county, c.signed_date, c.moa_url,
                                     c.since, c.detail, "", "", ""};
  if (c.changes.empty()) return {fields};
  std::vector<std::vector<std::string>> rows;
  for (const FieldChange& change : c.changes) {  // a line a changed field, the event's columns repeated
    fields[fields.size() - 3] = change.field;
    fields[fields.size() - 2] = change.old_value;
    fields[fields.size() - 1] = change.new_value;
    rows.push_back(fields);
  }
  return rows;
}

std::string EventsCsv(const std::vector<StoredEvent>& events) {
  std::string out = kUtf8Bom + CsvLine(EventCsvColumns());
  for (const StoredEvent& e : events)
    for (const auto& row : EventCsvRows(e)) out += CsvLine(row);
  return out;
}

}  // namespace icetrack
