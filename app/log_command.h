// `icetrack log`: the change log, filtered, as text, JSON or CSV.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddLogCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
