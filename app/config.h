// The configuration file (TOML): where to look, what it may say, and what
// it says once checked. Sections: [source] (page, contact), [database]
// (path), [rules] (the thresholds of app/rules.h) and one [[alert]] table
// per alert target (alerts/alert_target.h); README lists every key.
//
// Promises: read whole and checked before anything runs: an unknown key
// (with the nearest known one suggested), a wrong type, a bad value, a
// duplicate alert name or a secret that cannot be read is one error line
// "FILE:LINE:COLUMN: KEY: what is wrong", never a default taken in silence.
// Secrets are resolved (app/secret_source.h) and never shown. Command-line
// options win over the file; the file wins over the built-in defaults.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "alerts/alert_target.h"
#include "app/rules.h"
#include "model/language.h"
#include "model/status.h"

namespace icetrack {

struct Config {
  std::string file;  // the file read; "" when there was none
  std::optional<std::string> page, contact, database;
  int failing_after = 3;              // [source]: runs in a row before a source_failing notice
  int64_t interval = 3600;            // [source] interval: between the daemon's runs (and a timer's, for status)
  bool archive_moa = false;           // [source] archive_moa: keep the MOA documents (app/moa_archive.h)
  int64_t stale_after = 86400;        // [status] stale_after: a list not checked for longer is stale
  std::optional<std::string> metrics_file;  // [metrics] file: Prometheus text, rewritten after each run
  std::optional<std::string> report_dir;    // [report] dir: the report site, refreshed after each run
  Language report_language = Language::English;  // [report] lang: its language
  RuleFlags rules;
  std::vector<AlertTarget> alerts;
  std::vector<std::string> warnings;  // worth saying, not wrong (an inline secret in a file others can read)

  const AlertTarget* FindAlert(const std::string& name) const;
};

// The file to read: `flag` (--config), else $ICETRACK_CONFIG (both must
// exist), else /etc/icetrack/icetrack.toml, else
// $XDG_CONFIG_HOME/icetrack/icetrack.toml (~/.config when unset), each only
// when present; "" for none.
std::string ConfigPath(const std::string& flag);

// Reads and checks `path`; "" gives the defaults (no alerts).
Status ReadConfig(const std::string& path, Config* out);
// Checks `text` as if read from `path` (which names it in messages, and
// which `_file` secrets are relative to).
Status ParseConfigText(const std::string& text, const std::string& path, Config* out);

// --config for a command.
void AddConfigOption(CLI::App* cmd, std::string* path);
// ReadConfig(ConfigPath(flag)), its warnings printed; on failure prints the
// error and returns kExitUsage, else 0.
int LoadConfigOption(const std::string& flag, Config* out);

// --db, else $ICETRACK_DB, else [database] path, else the default state path.
std::string DatabasePath(const std::string& flag, const Config& config);
// The thresholds given on the command line, else those of [rules].
RuleFlags MergedRules(const RuleFlags& flags, const Config& config);

}  // namespace icetrack
