// `icetrack alerts test NAME`: sends the target a sample digest, marked as
// a test, outside the outbox (nothing is recorded).
#include <iostream>
#include <memory>

#include "app/alert_delivery.h"
#include "app/alerts_command.h"
#include "app/config.h"
#include "app/exit_codes.h"
#include "net/http_client.h"

namespace icetrack {
namespace {

struct TestOptions {
  std::string config, name;
};

int RunTest(const TestOptions& o) {
  Config config;
  if (int code = LoadConfigOption(o.config, &config)) return code;
  const AlertTarget* target = config.FindAlert(o.name);
  if (!target) {
    std::string names;
    for (const AlertTarget& t : config.alerts) names += (names.empty() ? "" : ", ") + t.name;
    std::cerr << "icetrack: " << (config.file.empty() ? std::string("no configuration file") : config.file)
              << ": no [[alert]] named \"" << o.name << "\"" << (names.empty() ? "" : " (there are: " + names + ")")
              << "\n";
    return kExitUsage;
  }
  DeliverOptions options;
  options.user_agent = UserAgent(ICETRACK_VERSION, config.contact.value_or(ICETRACK_CONTACT));
  AttemptOutcome outcome = SendTest(*target, options);
  if (outcome.result == AttemptResult::Delivered) {
    std::cout << "alert " << target->name << ": a test digest was delivered to " << target->ShownUrl() << "\n";
    return kExitOk;
  }
  std::cerr << "icetrack: alert " << target->name << ": the test was not delivered: " << outcome.error << "\n";
  return kExitDelivery;
}

}  // namespace

void AddAlertsTestCommand(CLI::App* alerts, int* exit_code) {
  auto o = std::make_shared<TestOptions>();
  CLI::App* cmd = alerts->add_subcommand("test", "Send a target a sample digest, marked as a test");
  cmd->add_option("NAME", o->name, "The [[alert]] name")->required();
  AddConfigOption(cmd, &o->config);
  cmd->callback([o, exit_code] { *exit_code = RunTest(*o); });
}

}  // namespace icetrack
