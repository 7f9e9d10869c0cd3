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
  std::optional<std::string> since, until, signed_since, signed_until, state, model, kinds, list;
  std::optional<int64_t> after_id;
  bool json = false, csv = false;
};

// The day an instant falls on, UTC.
std::string DayOf(UtcTime t) {
  int64_t days = t.seconds >= 0 ? t.seconds / 86400 : -((-t.seconds + 86399) / 86400);
  return FormatDate(CivilFromDays(days));
}

// --signed-since / --signed-until as the SIGNED dates they take in (both ends included).
Status ParseSignedDates(const LogOptions& o, UtcTime now, EventFilter* f) {
  UtcTime since, until;
  Status s;
  if (o.signed_since) s = ParseTimeOption("--signed-since", *o.signed_since, now, TimeEdge::Start, &since);
  if (s.ok() && o.signed_since) f->signed_from = DayOf(since);
  if (s.ok() && o.signed_until) s = ParseTimeOption("--signed-until", *o.signed_until, now, TimeEdge::End, &until);
  if (s.ok() && o.signed_until) f->signed_through = DayOf(UtcTime{until.seconds - 1});  // End is exclusive
  if (s.ok() && o.signed_since && o.signed_until && f->signed_through < f->signed_from)
    s = Status::Error("--signed-since " + *o.signed_since + " is after --signed-until " + *o.signed_until +
                      ": no day lies between them");
  return s;
}

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
  if (s.ok()) s = ParseSignedDates(o, now, f);
  if (s.ok() && o.after_id && *o.after_id < 0) s = Status::Error("--after-id: " + std::to_string(*o.after_id) + " is not an event id (0 or more)");
  if (s.ok() && o.after_id) f->after_id = *o.after_id;
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
    std::cout << EventsJsonText(events);
  } else if (o.csv) {
    std::cout << EventsCsv(events);
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
  cmd->add_option("--signed-since", o->signed_since, "Agreements SIGNED on or after this date, e.g. 2026-03-01, 30d");
  cmd->add_option("--signed-until", o->signed_until, "Agreements SIGNED on or before this date, e.g. 2026-03-31");
  cmd->add_option("--after-id", o->after_id, "Only events after this id: everything since the last one you saw");
  cmd->add_option("--state", o->state, "A state: its code or name, e.g. FL");
  cmd->add_option("--model", o->model, "JEM, TFM or WSO");
  cmd->add_option("--list", o->list, "participating or pending");
  cmd->add_option("--kind", o->kinds, "Event kinds, comma-separated (signed,removed,...)");
  auto json = cmd->add_flag("--json", o->json, "A JSON array of events");
  cmd->add_flag("--csv", o->csv, "CSV: a column a field, a line a changed field (UTF-8 with a byte-order mark)")
      ->excludes(json);
  cmd->callback([o, exit_code] { *exit_code = RunLog(*o); });
}

}  // namespace icetrack
