// Reviewing the change log: `log`, `show`, `stats`, and `accept` for a
// quarantined snapshot.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddLogCommand(CLI::App& app, int* exit_code);
void AddShowCommand(CLI::App& app, int* exit_code);
void AddStatsCommand(CLI::App& app, int* exit_code);
void AddAcceptCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
