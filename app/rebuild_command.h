// `icetrack rebuild`: the change log recomputed from the stored workbooks.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/rebuild.h"

namespace icetrack {

void AddRebuildCommand(CLI::App& app, int* exit_code);

// "+ 2026-03-05  signed ..." per added event, "- ..." per one that disappeared.
std::vector<std::string> RebuildChangeLines(const RebuildReport& report);

}  // namespace icetrack
