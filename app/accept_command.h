// `icetrack accept SNAPSHOT`: a reviewer releases a quarantined publication.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddAcceptCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
