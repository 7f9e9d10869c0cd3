// `icetrack alerts list`: the outbox, newest first, and the targets switched off.
#include <iostream>
#include <memory>

#include "app/alerts_command.h"
#include "app/exit_codes.h"
#include "app/store_option.h"
#include "report/delivery_format.h"
#include "report/json_text.h"

namespace icetrack {
namespace {

struct ListOptions {
  StoreChoice store;
  int limit = 50;
  bool json = false;
};

int RunList(const ListOptions& o) {
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForReading(o.store, &store)) return code;
  std::vector<Delivery> deliveries;
  std::map<std::string, std::string> disabled;
  Status s = store->Deliveries(o.limit, &deliveries);
  if (s.ok()) s = store->DisabledTargets(&disabled);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (o.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array(), off = nlohmann::ordered_json::object();
    for (const Delivery& d : deliveries) list.push_back(DeliveryJson(d));
    for (const auto& [target, why] : disabled) off[target] = why;
    std::cout << PrettyJson(nlohmann::ordered_json{{"deliveries", list}, {"disabled_targets", off}}) << "\n";
    return kExitOk;
  }
  for (const std::string& line : DeliveryTableLines(deliveries, disabled)) std::cout << line << "\n";
  if (deliveries.empty()) std::cerr << "icetrack: the outbox is empty\n";
  return kExitOk;
}

}  // namespace

void AddAlertsListCommand(CLI::App* alerts, int* exit_code) {
  auto o = std::make_shared<ListOptions>();
  CLI::App* cmd = alerts->add_subcommand("list", "The deliveries in the outbox, newest first, and why any failed");
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--limit", o->limit, "How many")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_flag("--json", o->json, "One JSON document");
  cmd->callback([o, exit_code] { *exit_code = RunList(*o); });
}

}  // namespace icetrack
