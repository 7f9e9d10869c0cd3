#include "app/alerts_command.h"

namespace icetrack {

void AddAlertsCommand(CLI::App& app, int* exit_code) {
  CLI::App* alerts = app.add_subcommand("alerts", "The alert outbox and targets ([[alert]] in the configuration)");
  alerts->require_subcommand(1);
  AddAlertsListCommand(alerts, exit_code);
  AddAlertsDeliverCommand(alerts, exit_code);
  AddAlertsTestCommand(alerts, exit_code);
  AddAlertsPreviewCommand(alerts, exit_code);
  AddAlertsEnableCommand(alerts, exit_code);
}

}  // namespace icetrack
