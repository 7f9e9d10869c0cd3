// `icetrack status`: whether tracking is healthy, for people and monitors.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddStatusCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
