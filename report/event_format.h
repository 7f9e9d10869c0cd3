// Events as people and programs read them: a line of text, a JSON object
// (what `log --json` prints and a webhook's data.events carries), a CSV row.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/stored_event.h"

namespace icetrack {

nlohmann::ordered_json EventJson(const StoredEvent& e);
// "2026-02-27  signed         FL  TFM  Polk County Sheriff's Office  signed: 2025-01-01 -> 2026-02-01"
std::string EventLine(const StoredEvent& e);
std::string EventCsvHeader();
std::string EventCsvRow(const StoredEvent& e);

}  // namespace icetrack
