// `icetrack alerts enable NAME`: switches a target on again after its
// receiver answered 410 Gone; its held deliveries go with the next delivery.
#include <iostream>
#include <memory>

#include "app/alerts_command.h"
#include "app/exit_codes.h"
#include "app/store_option.h"

namespace icetrack {
namespace {

struct EnableOptions {
  StoreChoice store;
  std::string name;
};

int RunEnable(const EnableOptions& o) {
  Config config;
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  if (int code = OpenConfiguredStore(o.store, nullptr, nullptr, &config, &lock, &store, false)) return code;
  std::map<std::string, std::string> disabled;
  Status s = store->DisabledTargets(&disabled);
  if (s.ok() && !disabled.count(o.name)) {
    std::cerr << "icetrack: " << store->path() << ": target \"" << o.name << "\" is not switched off\n";
    return kExitUsage;
  }
  if (s.ok()) s = store->EnableTarget(o.name, NowUtc());
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  std::cout << "alert " << o.name << ": switched on again; its held deliveries go with the next `run` or "
            << "`icetrack alerts deliver`\n";
  return kExitOk;
}

}  // namespace

void AddAlertsEnableCommand(CLI::App* alerts, int* exit_code) {
  auto o = std::make_shared<EnableOptions>();
  CLI::App* cmd = alerts->add_subcommand("enable", "Switch on a target its receiver switched off (HTTP 410)");
  cmd->add_option("NAME", o->name, "The [[alert]] name")->required();
  AddStoreOptions(cmd, &o->store);
  cmd->callback([o, exit_code] { *exit_code = RunEnable(*o); });
}

}  // namespace icetrack
