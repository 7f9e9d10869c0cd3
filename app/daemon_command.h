// `icetrack daemon`: runs and delivers until told to stop (app/daemon.h).
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddDaemonCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
