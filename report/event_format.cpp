#include "report/event_format.h"

#include <cstdio>

#include "report/csv.h"

namespace icetrack {

namespace {

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

void WriteEventJson(JsonWriter* w, const StoredEvent& e) {
  const ChangeEvent& c = e.event;
  auto text = [w](const char* key, std::string_view value) {
    w->Key(key);
    w->StringOrNull(value);
  };
  w->BeginObject();
  w->Key("id");
  w->Number(e.id);
  w->Key("uid");
  w->String(e.uid);
  w->Key("at");
  w->String(e.at);
  w->Key("snapshot");
  w->Number(e.snapshot_id);
  w->Key("kind");
  w->String(ToString(c.kind));
  w->Key("list");
  w->String(ToString(c.list));
  text("key", c.key);
  text("state_code", c.state_code);
  text("agency", c.agency);
  text("model", ToString(c.model));
  text("agency_type", c.agency_type);
  text("county", c.county);
  text("signed", c.signed_date);
  text("moa_url", c.moa_url);
  w->Key("changes");
  w->BeginObject();
  for (const FieldChange& f : c.changes) {
    w->Key(f.field);
    w->BeginArray();
    w->StringOrNull(f.old_value);
    w->StringOrNull(f.new_value);
    w->EndArray();
  }
  w->EndObject();
  text("since", c.since);
  text("detail", c.detail);
  w->EndObject();
}

std::string EventsJsonText(const std::vector<StoredEvent>& events) {
  std::string text;
  JsonWriter w(&text);
  w.BeginArray();
  for (const StoredEvent& e : events) WriteEventJson(&w, e);
  w.EndArray();
  return text + "\n";
}

nlohmann::ordered_json EventJson(const StoredEvent& e) {
  std::string text;
  JsonWriter w(&text);
  WriteEventJson(&w, e);
  return nlohmann::ordered_json::parse(text);
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
