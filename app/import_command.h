// `icetrack import [--db PATH] FILE|DIR...`: ingest archived workbooks in
// publication order; idempotent; bad files are reported, skipped, and make
// the exit code non-zero at the end.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddImportCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
