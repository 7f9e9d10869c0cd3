#include "app/daemon_command.h"

#include <memory>

#include "app/daemon.h"
#include "app/logging.h"
#include "app/option_values.h"

namespace icetrack {

void AddDaemonCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<DaemonOptions>();
  auto verbose = std::make_shared<bool>(false), quiet = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "daemon", "Run every [source] interval and deliver alerts between runs, until SIGTERM (SIGHUP: read the "
                "configuration again)");
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--metrics-file", o->metrics_file, "Write Prometheus metrics here after each run ([metrics] file)")
      ->check(NonEmptyPath());
  cmd->add_option("--report-dir", o->report_dir, "Refresh the report site in this folder after each run ([report] dir)")
      ->check(NonEmptyPath());
  auto v = cmd->add_flag("-v,--verbose", *verbose, "Log debug lines too");
  cmd->add_flag("-q,--quiet", *quiet, "Log warnings and errors only")->excludes(v);
  cmd->callback([o, verbose, quiet, exit_code] {
    InitLogging(*verbose ? Verbosity::Verbose : *quiet ? Verbosity::Quiet : Verbosity::Normal);
    *exit_code = RunDaemon(*o);
  });
}

}  // namespace icetrack
