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
  AgreementChoice chosen;
  bool json = false;
};

int RunShow(const ShowOptions& o) {
  std::unique_ptr<Store> store;
  std::vector<AgreementHistory> found;
  if (int code = FindChosenAgreements(o.chosen, &store, &found)) return code;
  if (found.empty()) {
    if (o.json) std::cout << "[]\n";
    std::cerr << "icetrack: no agreement matches \"" << o.chosen.text << "\"\n";
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
  AddAgreementChoiceOptions(cmd, &o->chosen,
                            "Part of an agency's or a county's name: any case, apostrophes and punctuation as you like")
      ->required();
  cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->callback([o, exit_code] { *exit_code = RunShow(*o); });
}

}  // namespace icetrack
