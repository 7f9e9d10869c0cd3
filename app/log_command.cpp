#include "app/log_command.h"

#include <iostream>
#include <optional>

#include "report/event_format.h"
#include "app/exit_codes.h"
#include "app/ingest.h"
#include "report/json_text.h"
#include "app/option_values.h"
#include "app/store_option.h"
#include "app/time_option.h"

namespace icetrack {

namespace {

struct LogOptions {
  StoreChoice store;
  std::optional<std::string> since, until, state, model, kinds, list;
  bool json = false, csv = false;
};

// Every option read, or the first that cannot be (its error line printed).
bool ParseFilter(const LogOptions& o, EventFilter* f) {
  UtcTime now;
  ParseIsoTime(NowUtc(), &now);
  Status s;
  if (o.since) s = ParseTimeOption("--since", *o.since, now, TimeEdge::Start, &f->since.emplace());
  if (s.ok() && o.until) s = ParseTimeOption("--until", *o.until, now, TimeEdge::End, &f->until.emplace());
  if (s.ok() && o.state) s = ParseStateOption("--state", *o.state, &f->state_code);
  if (s.ok() && o.model) s = ParseModelOption("--model", *o.model, &f->model);
  if (s.ok() && o.list) s = ParseListOption("--list", *o.list, &f->list.emplace());
  if (s.ok() && o.kinds) s = ParseKindsOption("--kind", *o.kinds, &f->kinds);
  if (s.ok() && f->since && f->until && !(*f->since < *f->until))
    s = Status::Error("--since " + *o.since + " is not before --until " + *o.until + ": no time lies between them");
  if (!s.ok()) std::cerr << "icetrack: " << s.message() << "\n";
  return s.ok();
}

int RunLog(const LogOptions& o) {
  EventFilter filter;
  if (!ParseFilter(o, &filter)) return kExitUsage;
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForReading(o.store, &store)) return code;
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
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--since", o->since, "From this date or time on (see README: dates), e.g. 2026-03-01, 7d");
  cmd->add_option("--until", o->until, "Up to and including this date or time, e.g. 2026-03-31, yesterday");
  cmd->add_option("--state", o->state, "A state: its code or name, e.g. FL");
  cmd->add_option("--model", o->model, "JEM, TFM or WSO");
  cmd->add_option("--list", o->list, "participating or pending");
  cmd->add_option("--kind", o->kinds, "Event kinds, comma-separated (signed,removed,...)");
  auto json = cmd->add_flag("--json", o->json, "A JSON array of events");
  cmd->add_flag("--csv", o->csv, "CSV with a header row")->excludes(json);
  cmd->callback([o, exit_code] { *exit_code = RunLog(*o); });
}

}  // namespace icetrack
