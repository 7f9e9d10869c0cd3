// `icetrack status`: each list's last check and newest publication, the
// sources' failures, what waits in quarantine and in the outbox, the last and
// the next run — and an exit code a monitor can act on (0 healthy, 8 stale,
// 9 failing). Reads only.
#include "app/status_command.h"

#include <iostream>
#include <memory>

#include "app/exit_codes.h"
#include "app/health_gather.h"
#include "app/store_option.h"
#include "report/json_text.h"
#include "report/status_format.h"

namespace icetrack {
namespace {

struct StatusOptions {
  StoreChoice store;
  bool json = false;
};

int ExitCodeOf(HealthVerdict verdict) {
  switch (verdict) {
    case HealthVerdict::Healthy: return kExitOk;
    case HealthVerdict::Stale: return kExitStale;
    case HealthVerdict::Failing: return kExitFailing;
  }
  return kExitFailing;
}

int RunStatus(const StatusOptions& o) {
  Config config;
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForReading(o.store, &store, &config)) return code;
  UtcTime now;
  ParseIsoTime(NowUtc(), &now);
  Health health;
  Status s = GatherHealth(store.get(), config, now, &health);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (o.json) std::cout << PrettyJson(StatusJson(health)) << "\n";
  else
    for (const std::string& line : StatusLines(health)) std::cout << line << "\n";
  return ExitCodeOf(health.verdict);
}

}  // namespace

void AddStatusCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<StatusOptions>();
  CLI::App* cmd = app.add_subcommand(
      "status", "Whether tracking is healthy: exit 0, 8 when data is stale, 9 when the last run failed");
  AddStoreOptions(cmd, &o->store);
  cmd->add_flag("--json", o->json, "One JSON document");
  cmd->callback([o, exit_code] { *exit_code = RunStatus(*o); });
}

}  // namespace icetrack
