#include "app/accept_command.h"

#include <iostream>
#include <memory>

#include "app/exit_codes.h"
#include "model/ascii_text.h"
#include "app/rebuild.h"
#include "app/rebuild_command.h"
#include "app/store_option.h"

namespace icetrack {

namespace {

struct AcceptOptions {
  StoreChoice store;
  std::string snapshot;
  RuleFlags rules;
  bool alert = true;
};

// Decimal digits only: not "0x10", not "1e3", not a number beyond any snapshot.
bool ParseSnapshotId(const std::string& text, int64_t* id) {
  return ParseDecimal(text, INT64_MAX, id) && *id > 0;
}

// Usage errors first (exit 2): the snapshot must exist and be quarantined.
int CheckQuarantined(Store* store, int64_t id) {
  SnapshotInfo info;
  Status s = store->GetSnapshot(id, &info, nullptr);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << " (icetrack log --kind suspicious_snapshot lists the quarantined)\n";
    return kExitUsage;
  }
  if (info.status == SnapshotStatus::Quarantined) return kExitOk;
  std::cerr << "icetrack: " << store->path() << ": snapshot " << id << " is " << ToString(info.status)
            << ", not quarantined: there is nothing to accept\n";
  return kExitUsage;
}

int RunAccept(const AcceptOptions& o) {
  int64_t id = 0;
  if (!ParseSnapshotId(o.snapshot, &id)) {
    std::cerr << "icetrack: SNAPSHOT: \"" << o.snapshot << "\" is not a snapshot id (a number, as import and run print)\n";
    return kExitUsage;
  }
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  IngestOptions options;
  Config config;
  if (int code = OpenConfiguredStore(o.store, &o.rules, &options, &config, &lock, &store, false)) return code;
  if (o.alert) options.alerts = config.alerts;
  if (int code = CheckQuarantined(store.get(), id)) return code;
  AcceptOutcome outcome;
  Status s = AcceptQuarantined(store.get(), id, options, &outcome);
  if (!s.ok()) {
    std::cerr << "icetrack: " << store->path() << ": " << s.message() << "\n";
    return outcome.rebuild.unreadable_snapshot ? kExitParse : kExitStore;
  }
  const IngestOutcome& accepted = outcome.snapshot;
  std::string summary = SummarizeEvents(accepted.events);
  std::cout << "accepted snapshot #" << id << " (" << ToString(accepted.list) << ", " << accepted.rows
            << " rows): " << (summary.empty() ? "no changes" : summary) << "\n";
  if (!outcome.rebuilt) return kExitOk;
  std::cout << "later publications were diffed again: " << outcome.rebuild.added.size() << " events added, "
            << outcome.rebuild.disappeared.size() << " disappeared\n";
  for (const std::string& line : RebuildChangeLines(outcome.rebuild)) std::cout << line << "\n";
  return kExitOk;
}

}  // namespace

void AddAcceptCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<AcceptOptions>();
  CLI::App* cmd = app.add_subcommand(
      "accept", "Release a quarantined snapshot: diff it where it stands in history and record its events");
  cmd->add_option("SNAPSHOT", o->snapshot, "Snapshot id, as shown by import, run or log")->required();
  AddStoreOptions(cmd, &o->store);
  AddRuleOptions(cmd, &o->rules, false);
  cmd->add_flag("!--no-alert", o->alert, "Queue no alerts for the events it releases");
  cmd->callback([o, exit_code] { *exit_code = RunAccept(*o); });
}

}  // namespace icetrack
