// `icetrack roster`: the roster as of a date, with every normalized field.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddRosterCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
