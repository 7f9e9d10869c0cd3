// icetrack: tracks the 287(g) agreements that ICE publishes as workbooks.
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include "app/accept_command.h"
#include "app/alerts_command.h"
#include "app/backfill_command.h"
#include "app/moa_command.h"
#include "app/config_command.h"
#include "app/exit_codes.h"
#include "app/heap.h"
#include "app/import_command.h"
#include "app/log_command.h"
#include "app/parse_command.h"
#include "app/rebuild_command.h"
#include "app/run_command.h"
#include "app/show_command.h"
#include "app/status_command.h"
#include "app/daemon_command.h"
#include "app/stats_command.h"
#include "app/roster_command.h"
#include "app/export_command.h"
#include "model/crypto_library.h"

namespace {

// CLI11's errors as icetrack's: one line, named, with where to look.
std::string OneLine(const CLI::App*, const CLI::Error& e) {
  std::string what = e.what();
  for (char& c : what) c = c == '\n' ? ';' : c;
  while (!what.empty() && (what.back() == ';' || what.back() == ' ')) what.pop_back();
  // "The following…" reads on after "icetrack: " in lower case; "PATH is required" keeps its name.
  if (what.size() > 1 && std::islower(static_cast<unsigned char>(what[1])))
    what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
  return "icetrack: " + what + " (icetrack --help lists the commands, icetrack COMMAND --help their options)\n";
}

// Output that did not all reach its file (a full disk) is no answer: said,
// and the caller gives it its own exit code (unless the command failed
// already). Callers clear errno first, so that no stale reason is given.
bool OutputWritten() {
  std::cout.flush();
  if (std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout)) return true;
  int error = errno;
  std::cerr << "icetrack: cannot write the output" << (error ? std::string(": ") + std::strerror(error) : "") << "\n";
  return false;
}

// The commands, by the name each registers.
struct Command {
  const char* name;
  void (*add)(CLI::App&, int*);
};
constexpr Command kCommands[] = {
    {"parse", icetrack::AddParseCommand},     {"import", icetrack::AddImportCommand},
    {"log", icetrack::AddLogCommand},         {"show", icetrack::AddShowCommand},
    {"stats", icetrack::AddStatsCommand},     {"accept", icetrack::AddAcceptCommand},
    {"rebuild", icetrack::AddRebuildCommand}, {"run", icetrack::AddRunCommand},
    {"alerts", icetrack::AddAlertsCommand},   {"config", icetrack::AddConfigCommand},
    {"status", icetrack::AddStatusCommand},   {"daemon", icetrack::AddDaemonCommand},
    {"roster", icetrack::AddRosterCommand},   {"export", icetrack::AddExportCommand},
    {"report", icetrack::AddReportCommand},   {"backfill", icetrack::AddBackfillCommand},
    {"moa", icetrack::AddMoaCommand},
};

bool IsCommand(std::string_view name) {
  for (const Command& command : kCommands) {
    if (name == command.name) return true;
  }
  return false;
}

// Only the command named first is built, when it is one: building all of
// CLI11's options took a third of a bare command's start (0.3 ms, every run
// of every command). Anything else (no command, --help, a typo) gets them all,
// so that CLI11 lists or refuses as it always did.
void AddCommands(CLI::App& app, std::string_view first, int* exit_code) {
  for (const Command& command : kCommands) {
    if (first == command.name) return command.add(app, exit_code);
  }
  for (const Command& command : kCommands) command.add(app, exit_code);
}

}  // namespace

int main(int argc, char** argv) {
  icetrack::KeepFreedMemory();
  CLI::App app{"icetrack " ICETRACK_VERSION
               ": tracks the 287(g) agreements ICE publishes as workbooks"};
  app.set_version_flag("--version", "icetrack " ICETRACK_VERSION);
  app.require_subcommand(1);
  app.failure_message(OneLine);
  app.footer(
      "Exit codes: 0 success (changed or not), 1 internal error (a bug: please report it), 2 usage or\n"
      "configuration error, 3 fetch failure, 4 parse failure, 5 locked by another icetrack, 6 database error,\n"
      "7 an alert refused for good or expired (alerts deliver, retry) or not delivered (alerts test),\n"
      "8 (status) data stale, 9 (status) the last run failing or a publication quarantined, 10 the output could\n"
      "not be written.");
  int exit_code = icetrack::kExitOk;
  std::string_view first = argc > 1 ? argv[1] : "";
  // libcrypto is opened with dlopen (model/crypto_library.h): here, before
  // any command but `parse` (which never hashes) starts, so that none stops
  // half-way for want of it.
  std::string missing;
  if (first != "parse" && IsCommand(first) && !icetrack::LoadCryptoLibrary(&missing)) {
    std::cerr << "icetrack: " << missing << "\n";
    return icetrack::kExitInternal;
  }
  AddCommands(app, first, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    errno = 0;
    int code = app.exit(e);  // --help and --version end here too, their text printed
    if (code != 0) return icetrack::kExitUsage;
    return OutputWritten() ? icetrack::kExitOk : icetrack::kExitOutput;
  } catch (const std::exception& e) {
    std::cerr << "icetrack: internal error: " << e.what() << " (a bug: please report it)\n";
    return icetrack::kExitInternal;
  } catch (...) {
    std::cerr << "icetrack: internal error (a bug: please report it)\n";
    return icetrack::kExitInternal;
  }
  errno = 0;
  bool written = OutputWritten();
  return written || exit_code != icetrack::kExitOk ? exit_code : icetrack::kExitOutput;
}
