#include "app/show_command.h"

#include <iostream>
#include <optional>

#include "report/event_format.h"
#include "app/exit_codes.h"
#include "report/json_text.h"
#include "app/option_values.h"
#include "app/store_option.h"
#include "model/text_fold.h"

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
  query.text = o.text;
  Status s;
  if (o.state) s = ParseStateOption("--state", *o.state, &query.state_code);
  if (s.ok() && o.model) s = ParseModelOption("--model", *o.model, &query.model);
  if (s.ok() && o.list) s = ParseListOption("--list", *o.list, &query.list.emplace());
  if (s.ok() && !IsValidUtf8(o.text))
    s = Status::Error("TEXT: is not UTF-8 text (set a UTF-8 locale, or write the name in ASCII)");
  if (s.ok() && FoldForKey(o.text).empty())
    s = Status::Error("TEXT: \"" + o.text + "\" holds no letter or digit to look for");
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
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const AgreementHistory& h : found) {
    const RosterRow& r = h.current;
    if (o.json) {
      nlohmann::ordered_json j = {{"key", h.key}, {"list", ToString(h.list)}, {"status", ToString(h.status)},
                                  {"state_code", r.state_code}, {"agency", r.agency}, {"model", ToString(r.model)},
                                  {"signed", r.signed_date}, {"moa_url", r.moa_url},
                                  {"first_seen", h.first_seen}, {"last_seen", h.last_seen}};
      j["events"] = nlohmann::ordered_json::array();
      for (const StoredEvent& e : h.events) j["events"].push_back(EventJson(e));
      all.push_back(j);
      continue;
    }
    std::cout << r.state_code << "  " << r.agency << "  " << ToString(r.model) << "  (" << ToString(h.list)
              << " list, " << ToString(h.status) << ")\n";
    std::cout << "  seen " << h.first_seen.substr(0, 10) << " .. " << h.last_seen.substr(0, 10);
    if (!r.signed_date.empty()) std::cout << ", signed " << r.signed_date;
    if (!r.county.empty()) std::cout << ", " << r.county;
    std::cout << "\n";
    if (!r.moa_url.empty()) std::cout << "  MOA " << r.moa_url << "\n";
    for (const StoredEvent& e : h.events) std::cout << "  " << EventLine(e) << "\n";
    std::cout << "\n";
  }
  if (o.json) std::cout << PrettyJson(all) << "\n";
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
