#include "app/rules.h"

#include <cmath>
#include <cstdio>

#include "diff/roster_diff.h"
#include "parser/roster_reader.h"

namespace icetrack {

namespace {

const char kVersion[] = "rules_version";
const char kRemovalAfter[] = "removal_after";
const char kRemovalAfterDays[] = "removal_after_days";
const char kMaxRemovedShare[] = "max_removed_share";

// A stored number, or `fallback` when absent or unreadable.
template <typename T>
T Number(const std::map<std::string, std::string>& settings, const char* name, T fallback) {
  auto it = settings.find(name);
  if (it == settings.end()) return fallback;
  char* end = nullptr;
  double v = std::strtod(it->second.c_str(), &end);
  if (end == it->second.c_str() || *end != '\0' || !std::isfinite(v)) return fallback;
  return static_cast<T>(v);
}

}  // namespace

void AddRuleOptions(CLI::App* cmd, RuleFlags* flags, bool guard) {
  const IngestOptions defaults;
  cmd->add_option("--removal-after", flags->removal_after,
                  "Publications a row must be absent from before it counts as removed (default: the database's, "
                  "else " + std::to_string(defaults.diff.removal_after) + ")")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--removal-after-days", flags->removal_after_days,
                  "Days since it was first absent before a row counts as removed, both must hold (default: the "
                  "database's, else " + std::to_string(defaults.diff.removal_after_days) + ")")
      ->check(CLI::Range(0, 3650));
  if (!guard) return;
  cmd->add_option("--max-removed-share", flags->max_removed_share,
                  "Quarantine a workbook that would take away more than this share of its list (default: the "
                  "database's, else 0.25)")
      ->check(CLI::Range(0.0, 1.0));
}

bool operator==(const Rules& a, const Rules& b) {
  return a.version == b.version && a.diff.removal_after == b.diff.removal_after &&
         a.diff.removal_after_days == b.diff.removal_after_days &&
         a.guard.max_removed_share == b.guard.max_removed_share;
}

Rules StoredRules(const std::map<std::string, std::string>& settings) {
  Rules rules;
  auto version = settings.find(kVersion);
  if (version != settings.end()) rules.version = version->second;
  rules.diff.removal_after = Number(settings, kRemovalAfter, rules.diff.removal_after);
  rules.diff.removal_after_days = Number(settings, kRemovalAfterDays, rules.diff.removal_after_days);
  rules.guard.max_removed_share = Number(settings, kMaxRemovedShare, rules.guard.max_removed_share);
  return rules;
}

std::map<std::string, std::string> RulesSettings(const Rules& rules) {
  char share[32];
  std::snprintf(share, sizeof share, "%.17g", rules.guard.max_removed_share);
  return {{kVersion, rules.version},
          {kRemovalAfter, std::to_string(rules.diff.removal_after)},
          {kRemovalAfterDays, std::to_string(rules.diff.removal_after_days)},
          {kMaxRemovedShare, share}};
}

Rules WantedRules(const Rules& stored, const RuleFlags& flags) {
  Rules wanted = stored;
  wanted.version = CurrentRulesVersion();
  if (flags.removal_after) wanted.diff.removal_after = *flags.removal_after;
  if (flags.removal_after_days) wanted.diff.removal_after_days = *flags.removal_after_days;
  if (flags.max_removed_share) wanted.guard.max_removed_share = *flags.max_removed_share;
  return wanted;
}

std::string Describe(const Rules& rules) {
  char share[16];
  std::snprintf(share, sizeof share, "%.0f%%", 100 * rules.guard.max_removed_share);
  return (rules.version.empty() ? std::string("rules unknown (an icetrack before 0.2)") : "rules " + rules.version) +
         ": removed after " + std::to_string(rules.diff.removal_after) + " publications and " +
         std::to_string(rules.diff.removal_after_days) + " days, quarantined beyond " + share;
}

std::string CurrentRulesVersion() {
  return std::to_string(kRosterRulesVersion) + "." + std::to_string(kDiffRulesVersion);
}

}  // namespace icetrack
