#include "app/log_command.h"

#include <iostream>
#include <sstream>

#include "app/event_format.h"
#include "app/exit_codes.h"
#include "app/json_text.h"
#include "app/store_option.h"

namespace icetrack {

namespace {

struct LogOptions {
  std::string db, since, until, state, model, kinds, list;
  bool json = false, csv = false;
};

bool ParseFilter(const LogOptions& o, EventFilter* f) {
  f->since = o.since;
  f->until = o.until;
  for (char c : o.state) f->state_code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!o.model.empty() && !ParseModel(o.model, &f->model)) {
    std::cerr << "icetrack: --model must be JEM, TFM or WSO, not \"" << o.model << "\"\n";
    return false;
  }
  ListKind list;
  if (!o.list.empty() && !ParseListKind(o.list, &list)) {
    std::cerr << "icetrack: --list must be participating or pending, not \"" << o.list << "\"\n";
    return false;
  }
  f->list = o.list;
  std::stringstream kinds(o.kinds);
  for (std::string k; std::getline(kinds, k, ',');) {
    EventKind kind;
    if (k.empty()) continue;
    if (!ParseEventKind(k, &kind)) {
      std::cerr << "icetrack: unknown event kind \"" << k << "\"\n";
      return false;
    }
    f->kinds.push_back(kind);
  }
  return true;
}

int RunLog(const LogOptions& o) {
  EventFilter filter;
  if (!ParseFilter(o, &filter)) return kExitUsage;
  std::unique_ptr<Store> store;
  if (!OpenStoreOrReport(o.db, &store)) return kExitStore;
  std::vector<StoredEvent> events;
  Status s = store->Events(filter, &events);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (o.json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const StoredEvent& e : events) all.push_back(EventJson(e));
    std::cout << PrettyJson(all) << "\n";
  } else if (o.csv) {
    std::cout << EventCsvHeader() << "\n";
    for (const StoredEvent& e : events) std::cout << EventCsvRow(e) << "\n";
  } else {
    for (const StoredEvent& e : events) std::cout << EventLine(e) << "\n";
    if (events.empty()) std::cerr << "icetrack: no events match\n";
  }
  return kExitOk;
}

}  // namespace

void AddLogCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<LogOptions>();
  CLI::App* cmd = app.add_subcommand("log", "The change log, newest first");
  AddDbOption(cmd, &o->db);
  cmd->add_option("--since", o->since, "From this date (YYYY-MM-DD), inclusive");
  cmd->add_option("--until", o->until, "Up to this date (YYYY-MM-DD), inclusive");
  cmd->add_option("--state", o->state, "Two-letter state code, e.g. FL");
  cmd->add_option("--model", o->model, "JEM, TFM or WSO");
  cmd->add_option("--list", o->list, "participating or pending");
  cmd->add_option("--kind", o->kinds, "Event kinds, comma-separated (signed,removed,...)");
  auto json = cmd->add_flag("--json", o->json, "A JSON array of events");
  cmd->add_flag("--csv", o->csv, "CSV with a header row")->excludes(json);
  cmd->callback([o, exit_code] { *exit_code = RunLog(*o); });
}

}  // namespace icetrack
