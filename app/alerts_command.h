// `icetrack alerts`: the outbox and the alert targets — list, deliver,
// retry ID, test NAME, preview, enable NAME (one file per subcommand).
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddAlertsCommand(CLI::App& app, int* exit_code);

// The subcommands, each in its own file.
void AddAlertsListCommand(CLI::App* alerts, int* exit_code);
void AddAlertsDeliverCommand(CLI::App* alerts, int* exit_code);  // deliver and retry ID
void AddAlertsTestCommand(CLI::App* alerts, int* exit_code);
void AddAlertsPreviewCommand(CLI::App* alerts, int* exit_code);
void AddAlertsEnableCommand(CLI::App* alerts, int* exit_code);

}  // namespace icetrack
