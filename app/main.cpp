// icetrack: tracks the 287(g) agreements that ICE publishes as workbooks.
#include <CLI/CLI.hpp>

#include "app/exit_codes.h"
#include "app/accept_command.h"
#include "app/import_command.h"
#include "app/log_command.h"
#include "app/parse_command.h"
#include "app/rebuild_command.h"
#include "app/run_command.h"
#include "app/show_command.h"
#include "app/stats_command.h"

int main(int argc, char** argv) {
  CLI::App app{"icetrack " ICETRACK_VERSION
               ": tracks the 287(g) agreements ICE publishes as workbooks"};
  app.set_version_flag("--version", "icetrack " ICETRACK_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success (changed or not), 2 usage or configuration error, 3 fetch failure,\n"
      "4 parse failure, 5 locked by another icetrack, 6 database error.");
  int exit_code = icetrack::kExitOk;
  icetrack::AddParseCommand(app, &exit_code);
  icetrack::AddImportCommand(app, &exit_code);
  icetrack::AddLogCommand(app, &exit_code);
  icetrack::AddShowCommand(app, &exit_code);
  icetrack::AddStatsCommand(app, &exit_code);
  icetrack::AddAcceptCommand(app, &exit_code);
  icetrack::AddRebuildCommand(app, &exit_code);
  icetrack::AddRunCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : icetrack::kExitUsage;
  }
  return exit_code;
}
