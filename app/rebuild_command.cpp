#include "app/rebuild_command.h"

#include <iostream>
#include <memory>

#include "report/event_format.h"
#include "app/exit_codes.h"
#include "report/json_text.h"
#include "app/progress_bar.h"
#include "app/store_option.h"

namespace icetrack {

namespace {

struct RebuildOptions {
  StoreChoice store;
  RuleFlags rules;
  bool json = false, quiet = false, verbose = false;
};

nlohmann::ordered_json ReportJson(const RebuildReport& report) {
  nlohmann::ordered_json added = nlohmann::ordered_json::array(), gone = nlohmann::ordered_json::array();
  for (const StoredEvent& e : report.added) added.push_back(EventJson(e));
  for (const StoredEvent& e : report.disappeared) gone.push_back(EventJson(e));
  return {{"snapshots", report.snapshots}, {"added", added}, {"disappeared", gone}};
}

int RunRebuild(const RebuildOptions& o) {
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  // Opened without the automatic rebuild: this command is one, under the
  // database's rules and what the command line changes of them.
  Config config;
  if (int code = OpenConfiguredStore(o.store, nullptr, nullptr, &config, &lock, &store, false)) return code;
  std::map<std::string, std::string> settings;
  Status s = store->Settings(&settings);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  Rules stored;
  if (s.ok()) s = StoredRules(settings, &stored);
  if (!s.ok()) {
    std::cerr << "icetrack: " << store->path() << ": " << s.message() << "\n";
    return kExitStore;
  }
  Rules rules = WantedRules(stored, MergedRules(o.rules, config));
  IngestOptions options;
  options.diff = rules.diff;
  options.guard = rules.guard;
  RebuildReport report;
  auto progress = [&o](size_t done, size_t total, const std::string& name) {
    if (o.verbose) std::cerr << "icetrack: read " << done << " of " << total << " publications again (" << name << ")\n";
    else ShowProgress(done, total, name);
  };
  s = RebuildChangeLog(store.get(), options, &report, progress);
  ClearProgress();
  if (!s.ok()) {
    std::cerr << "icetrack: " << store->path() << ": " << s.message() << "\n";
    return report.unreadable_snapshot ? kExitParse : kExitStore;
  }
  if (o.json) {
    std::cout << PrettyJson(ReportJson(report)) << "\n";
    return kExitOk;
  }
  std::cout << "rebuilt the change log from " << report.snapshots << " stored publications (" << Describe(rules)
            << "): "
            << report.added.size() << " events added, " << report.disappeared.size() << " disappeared\n";
  if (!o.quiet) {
    for (const std::string& line : RebuildChangeLines(report)) std::cout << line << "\n";
  }
  return kExitOk;
}

}  // namespace

std::vector<std::string> RebuildChangeLines(const RebuildReport& report) {
  std::vector<std::string> lines;
  for (const StoredEvent& e : report.added) lines.push_back("+ " + EventLine(e));
  for (const StoredEvent& e : report.disappeared) lines.push_back("- " + EventLine(e));
  return lines;
}

void AddRebuildCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<RebuildOptions>();
  CLI::App* cmd = app.add_subcommand(
      "rebuild", "Read every stored workbook again and recompute the change log (events keep their ids)");
  AddStoreOptions(cmd, &o->store);
  AddRuleOptions(cmd, &o->rules);
  auto json = cmd->add_flag("--json", o->json, "One JSON document: {snapshots, added, disappeared}");
  cmd->add_flag("-q,--quiet", o->quiet, "Print only the counts")->excludes(json);
  cmd->add_flag("-v,--verbose", o->verbose, "Say on stderr as each publication is read again");
  cmd->callback([o, exit_code] { *exit_code = RunRebuild(*o); });
}

}  // namespace icetrack
