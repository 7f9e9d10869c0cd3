// JSON form of a parsed roster, as printed by `icetrack parse --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "model/roster.h"

namespace icetrack {

nlohmann::ordered_json RowJson(const RosterRow& row);
// {"file", "kind", "sheet", "rows", "counts", "warnings", …}
nlohmann::ordered_json RosterJson(const std::string& file, const Roster& roster);

}  // namespace icetrack
