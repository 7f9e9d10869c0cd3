// `icetrack config check`: the configuration checked and shown as it takes effect.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddConfigCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
