// `icetrack parse FILE [--json]`: print the normalized roster of a workbook.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

// Registers the subcommand; `exit_code` receives its result when it runs.
void AddParseCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
