// `icetrack stats`: counts of agreements as of a date.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddStatsCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
