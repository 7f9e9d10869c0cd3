// Events as people and programs read them: a line of text, a JSON object
// (what `log --json` prints and a webhook's data.events carries), CSV lines.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/stored_event.h"
#include "report/json_writer.h"

namespace icetrack {

// The event as a JSON object into `w`: what `log --json` prints, the
// exports' changes and the webhooks' data.events (docs/events.schema.json).
void WriteEventJson(JsonWriter* w, const StoredEvent& e);
// The same object as a tree, for documents built from parts.
nlohmann::ordered_json EventJson(const StoredEvent& e);
// The events as a JSON array, a newline at the end: `log --json`.
std::string EventsJsonText(const std::vector<StoredEvent>& events);
// "2026-02-27  signed         FL  TFM  Polk County Sheriff's Office  signed: 2025-01-01 -> 2026-02-01"
std::string EventLine(const StoredEvent& e);
// "id", "uid", "at", "snapshot", "kind", "list", "key", "state_code",
// "agency", "model", "agency_type", "county", "signed", "moa_url", "since",
// "detail", then "field", "old", "new": one line a changed field (the
// event's columns repeated), one line for an event that changed none.
const std::vector<std::string>& EventCsvColumns();
std::vector<std::vector<std::string>> EventCsvRows(const StoredEvent& e);
// A byte-order mark, the header, the lines (report/csv.h).
std::string EventsCsv(const std::vector<StoredEvent>& events);

}  // namespace icetrack
