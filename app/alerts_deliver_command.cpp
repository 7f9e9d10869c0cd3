// `icetrack alerts deliver` sends what is due in the outbox (for cron, or
// after `run --no-deliver`); `icetrack alerts retry ID` makes a failed or
// expired delivery pending again, its retry schedule begun anew, and sends it.
#include <iostream>
#include <memory>

#include "app/alert_delivery.h"
#include "app/alerts_command.h"
#include "app/exit_codes.h"
#include "app/store_option.h"
#include "net/http_client.h"
#include "report/delivery_format.h"
#include "report/json_text.h"

namespace icetrack {
namespace {

struct DeliverCommandOptions {
  StoreChoice store;
  std::string retry_id;  // for `retry`
  bool json = false;
};

// 0, or kExitDelivery when an attempt ended a delivery without delivering it.
int ExitCodeOf(const DeliveryPass& pass) {
  for (const Delivery& d : pass.attempted) {
    if (d.status == DeliveryStatus::Failed || d.status == DeliveryStatus::Expired) return kExitDelivery;
  }
  return kExitOk;
}

int RunDeliver(const DeliverCommandOptions& o) {
  Config config;
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  if (int code = OpenConfiguredStore(o.store, nullptr, nullptr, &config, &lock, &store, false)) return code;
  Status s;
  if (!o.retry_id.empty()) {
    Delivery d;
    s = store->GetDelivery(o.retry_id, &d, nullptr);
    if (!s.ok()) {
      std::cerr << "icetrack: " << s.message() << " (`icetrack alerts list` shows the deliveries)\n";
      return kExitUsage;
    }
    if (d.status == DeliveryStatus::Delivered) {
      std::cerr << "icetrack: " << d.id << " was delivered at " << d.delivered_at << ": nothing to retry\n";
      return kExitUsage;
    }
    s = store->RetryDelivery(o.retry_id, NowUtc());
  }
  DeliverOptions options;
  options.user_agent = UserAgent(ICETRACK_VERSION, config.contact.value_or(ICETRACK_CONTACT));
  options.config_file = config.file;
  DeliveryPass pass;
  if (s.ok()) s = DeliverDue(store.get(), config.alerts, options, &pass);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (o.json) {
    std::cout << PrettyJson(DeliveryPassJson(pass)) << "\n";
  } else {
    for (const std::string& line : DeliveryPassLines(pass)) std::cout << line << "\n";
    if (pass.attempted.empty() && pass.held.empty()) std::cerr << "icetrack: nothing is due\n";
  }
  return ExitCodeOf(pass);
}

}  // namespace

void AddAlertsDeliverCommand(CLI::App* alerts, int* exit_code) {
  auto deliver = std::make_shared<DeliverCommandOptions>();
  CLI::App* cmd = alerts->add_subcommand("deliver", "Send the deliveries that are due (each tried once)");
  AddStoreOptions(cmd, &deliver->store);
  cmd->add_flag("--json", deliver->json, "One JSON document");
  cmd->callback([deliver, exit_code] { *exit_code = RunDeliver(*deliver); });

  auto retry = std::make_shared<DeliverCommandOptions>();
  CLI::App* again = alerts->add_subcommand("retry", "Try a failed or expired delivery again now, its schedule anew");
  again->add_option("ID", retry->retry_id, "The delivery id (msg_…), as `icetrack alerts list` shows it")
      ->required()
      ->check([](const std::string& v) { return v.empty() ? std::string("the id is empty") : ""; });
  AddStoreOptions(again, &retry->store);
  again->add_flag("--json", retry->json, "One JSON document");
  again->callback([retry, exit_code] { *exit_code = RunDeliver(*retry); });
}

}  // namespace icetrack
