#include "app/rules.h"

#include <cmath>
#include <cstdio>
#include <type_traits>

#include "app/option_values.h"
#include "diff/roster_diff.h"
#include "parser/roster_reader.h"

namespace icetrack {

namespace {

const char kVersionName[] = "rules_version";
const char kRemovalAfterName[] = "removal_after";
const char kRemovalAfterDaysName[] = "removal_after_days";
const char kMaxRemovedShareName[] = "max_removed_share";

// A stored number within `range`, or `fallback` when absent; an error when
// it is there and not such a number (never a silent fallback).
template <typename T>
Status Number(const std::map<std::string, std::string>& settings, const char* name,
              std::pair<double, double> range, T* value) {
  auto it = settings.find(name);
  if (it == settings.end()) return Status::Ok();
  char* end = nullptr;
  double v = std::strtod(it->second.c_str(), &end);
  if (it->second.empty() || *end != '\0' || !std::isfinite(v) || v < range.first || v > range.second ||
      (std::is_integral_v<T> && v != std::floor(v)))
    return Status::Error(std::string("the database's setting ") + name + " = \"" + it->second +
                         "\" is not a number from " + std::to_string(range.first) + " to " +
                         std::to_string(range.second));
  *value = static_cast<T>(v);
  return Status::Ok();
}

}  // namespace

void AddRuleOptions(CLI::App* cmd, RuleFlags* flags, bool guard) {
  const IngestOptions defaults;
  cmd->add_option("--removal-after", flags->removal_after,
                  "Publications a row must be absent from before it counts as removed (default: the database's, "
                  "else " + std::to_string(defaults.diff.removal_after) + ")")
      ->check(Within(kRemovalAfter.first, kRemovalAfter.second));
  cmd->add_option("--removal-after-days", flags->removal_after_days,
                  "Days since it was first absent before a row counts as removed, both must hold (default: the "
                  "database's, else " + std::to_string(defaults.diff.removal_after_days) + ")")
      ->check(Within(kRemovalAfterDays.first, kRemovalAfterDays.second));
  if (!guard) return;
  char share[16];
  std::snprintf(share, sizeof share, "%g", defaults.guard.max_removed_share);
  cmd->add_option("--max-removed-share", flags->max_removed_share,
                  "Quarantine a workbook that would take away more than this share of its list (default: the "
                  "database's, else " + std::string(share) + ")")
      ->check(Within(kMaxRemovedShare.first, kMaxRemovedShare.second));
}

bool operator==(const Rules& a, const Rules& b) {
  return a.version == b.version && a.diff.removal_after == b.diff.removal_after &&
         a.diff.removal_after_days == b.diff.removal_after_days &&
         a.guard.max_removed_share == b.guard.max_removed_share;
}

Status StoredRules(const std::map<std::string, std::string>& settings, Rules* out) {
  *out = Rules();
  auto version = settings.find(kVersionName);
  if (version != settings.end()) out->version = version->second;
  Status s = Number(settings, kRemovalAfterName, kRemovalAfter, &out->diff.removal_after);
  if (s.ok()) s = Number(settings, kRemovalAfterDaysName, kRemovalAfterDays, &out->diff.removal_after_days);
  if (s.ok()) s = Number(settings, kMaxRemovedShareName, kMaxRemovedShare, &out->guard.max_removed_share);
  return s;
}

std::map<std::string, std::string> RulesSettings(const Rules& rules) {
  char share[32];
  std::snprintf(share, sizeof share, "%.17g", rules.guard.max_removed_share);
  return {{kVersionName, rules.version},
          {kRemovalAfterName, std::to_string(rules.diff.removal_after)},
          {kRemovalAfterDaysName, std::to_string(rules.diff.removal_after_days)},
          {kMaxRemovedShareName, share}};
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
