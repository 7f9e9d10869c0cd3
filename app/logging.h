// Logging for what runs unattended (the daemon): spdlog to stderr, the same
// words as the commands print. Under systemd (JOURNAL_STREAM names our
// stderr) each line is "<N>message" — sd-daemon(3)'s level prefix, which
// journald turns into the priority — without a timestamp of our own
// (journald keeps one); elsewhere "icetrack: message". Never a secret: what
// is logged are the lines and errors that the commands print, which hold none.
#pragma once

namespace icetrack {

enum class Verbosity { Quiet, Normal, Verbose };  // -q: warnings and errors; -v: debug too

// Makes the default spdlog logger as described; call once, early.
void InitLogging(Verbosity verbosity);

// Whether stderr is the journal stream systemd gave us.
bool StderrIsJournal();

}  // namespace icetrack
