#include "app/show_command.h"

#include <iostream>

#include "app/event_format.h"
#include "app/exit_codes.h"
#include "app/json_text.h"
#include "app/store_option.h"

namespace icetrack {

namespace {

struct ShowOptions {
  std::string db, text;
  bool json = false;
};

int RunShow(const ShowOptions& o) {
  std::unique_ptr<Store> store;
  if (!OpenStoreOrReport(o.db, &store)) return kExitStore;
  std::vector<AgreementHistory> found;
  Status s = store->FindAgreements(o.text, &found);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (found.empty()) {
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
  CLI::App* cmd = app.add_subcommand("show", "The full history of the agreements whose agency matches TEXT");
  cmd->add_option("TEXT", o->text, "Part of an agency name, any case")->required();
  AddDbOption(cmd, &o->db);
  cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->callback([o, exit_code] { *exit_code = RunShow(*o); });
}

}  // namespace icetrack
