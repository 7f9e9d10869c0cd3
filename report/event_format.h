// Events as people and programs read them: a line of text, a JSON object
// (what `log --json` prints and a webhook's data.events carries), CSV lines.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/stored_event.h"

namespace icetrack {

nlohmann::ordered_json EventJson(const StoredEvent& e);
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
