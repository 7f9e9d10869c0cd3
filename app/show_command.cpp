#include "app/show_command.h"

#include <iostream>
#include <optional>

#include "report/agreement_story.h"
#include "app/exit_codes.h"
#include "report/json_text.h"
#include "app/option_values.h"
#include "app/store_option.h"

namespace icetrack {

namespace {

struct ShowOptions {
  StoreChoice store;
  std::string text;
  std::optional<std::string> state, model, list;
  bool json = false;
};

int RunShow(const ShowOptions& o) {
  AgreementQuery query;
  Status s = ReadAgreementQuery(o.text, o.state, o.model, o.list, &query);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForReading(o.store, &store)) return code;
  std::vector<AgreementHistory> found;
  s = store->FindAgreements(query, &found);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (found.empty()) {
    if (o.json) std::cout << "[]\n";
    std::cerr << "icetrack: no agreement matches \"" << o.text << "\"\n";
    return kExitOk;
  }
  if (o.json)
    std::cout << PrettyJson(ShowJson(found)) << "\n";
  else
    std::cout << ShowText(found);
  return kExitOk;
}

}  // namespace

void AddShowCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "The full history of the agreements whose agency or county matches TEXT");
  cmd->add_option("TEXT", o->text, "Part of an agency's or a county's name: any case, apostrophes and "
                                    "punctuation as you like")->required();
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--state", o->state, "Only this state: its code or name");
  cmd->add_option("--model", o->model, "Only this model: JEM, TFM or WSO");
  cmd->add_option("--list", o->list, "Only this list: participating or pending");
  cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->callback([o, exit_code] { *exit_code = RunShow(*o); });
}

}  // namespace icetrack
