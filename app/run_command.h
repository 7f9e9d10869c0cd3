// `icetrack run [--source PAGE_URL] [--db PATH] [--json]`: one tracking cycle
// (see tracking_cycle.h), for cron or a systemd timer. One instance per
// database (see instance_lock.h). Exit codes: 0 whether or not anything
// changed (a quarantined workbook included), 2 usage, 3 a download failed,
// 4 a page or workbook could not be read, 5 another icetrack holds the lock,
// 6 database error. A fetch failure outranks a parse failure.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddRunCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack
