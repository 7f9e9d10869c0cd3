// `icetrack export`: the roster of a date, the change log and the counts
// over time as CSV (a folder), JSON, XLSX, an Atom feed or one HTML page.
// `icetrack report`: the whole static site (app/report_site.h).
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddExportCommand(CLI::App& app, int* exit_code);
void AddReportCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
