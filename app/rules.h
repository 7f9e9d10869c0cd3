// The rules a change log is built under: the reader's and the diff's code
// (their versions) and the thresholds a user may set (--removal-after,
// --removal-after-days, --max-removed-share). The database keeps them, so
// that every writer, every `accept` and every rebuild diffs history the same
// way: a threshold given on the command line becomes the database's own
// (and the history is rebuilt under it); one not given is the database's.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "app/ingest.h"

namespace icetrack {

// Thresholds as given on the command line; unset = as the database has them.
struct RuleFlags {
  std::optional<int> removal_after, removal_after_days;
  std::optional<double> max_removed_share;
};

// --removal-after, --removal-after-days, and --max-removed-share unless the
// command skips the guard (accept).
void AddRuleOptions(CLI::App* cmd, RuleFlags* flags, bool guard = true);

struct Rules {
  std::string version;  // "2.2": kRosterRulesVersion.kDiffRulesVersion; "" when unknown
  DiffOptions diff;
  GuardOptions guard;
};
bool operator==(const Rules& a, const Rules& b);

// The ranges a threshold may take, on the command line and in the database.
constexpr std::pair<double, double> kRemovalAfter{1, 100};
constexpr std::pair<double, double> kRemovalAfterDays{0, 3650};
constexpr std::pair<double, double> kMaxRemovedShare{0, 1};

// The rules a database's settings record (defaults for what they lack); an
// error when a setting is there and out of its range.
Status StoredRules(const std::map<std::string, std::string>& settings, Rules* out);
std::map<std::string, std::string> RulesSettings(const Rules& rules);
// This icetrack's code with the stored thresholds, overridden by the flags.
Rules WantedRules(const Rules& stored, const RuleFlags& flags);
// "rules 2.2: removed after 3 publications and 7 days, quarantined beyond 25%".
std::string Describe(const Rules& rules);

std::string CurrentRulesVersion();

}  // namespace icetrack
