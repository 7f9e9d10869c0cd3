// `icetrack show TEXT`: the whole history of the agreements whose agency matches.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddShowCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
