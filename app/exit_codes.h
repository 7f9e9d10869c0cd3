// Exit codes of the icetrack command (documented in README and --help).
#pragma once

namespace icetrack {

constexpr int kExitOk = 0;       // success, whether or not anything changed
constexpr int kExitInternal = 1; // an internal error: a bug, never bad input
constexpr int kExitUsage = 2;    // bad command line or configuration
constexpr int kExitFetch = 3;    // a download failed
constexpr int kExitParse = 4;    // a workbook could not be read
constexpr int kExitLocked = 5;   // another icetrack holds the database lock
constexpr int kExitStore = 6;    // the database could not be opened or written
constexpr int kExitDelivery = 7; // an alert was refused for good, expired, or (a test) not delivered
constexpr int kExitStale = 8;    // status: a list was not checked for longer than [status] stale_after
constexpr int kExitFailing = 9;  // status: the last run failed to read a source, or a publication is quarantined
constexpr int kExitOutput = 10;  // what was printed could not all be written (a full disk, say)

}  // namespace icetrack
