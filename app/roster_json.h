// JSON form of a parsed roster, as printed by `icetrack parse --json`:
// {"file", "kind", "sheet", "header_row", "ignored_sheets", "rows", "counts", "warnings"}.
#pragma once

#include <string>

#include "model/roster.h"

namespace icetrack {

// Appends the document to `out`, laid out with two-space indentation.
void WriteRosterJson(const std::string& file, const Roster& roster, std::string* out);

}  // namespace icetrack
