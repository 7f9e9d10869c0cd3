#include "app/stats_command.h"

#include <iostream>
#include <optional>

#include "app/exit_codes.h"
#include "app/output_file.h"
#include "app/store_option.h"
#include "app/time_option.h"
#include "model/ascii_text.h"
#include "report/json_text.h"
#include "report/stats_format.h"

namespace icetrack {

namespace {

struct StatsOptions {
  StoreChoice store;
  std::string by = "state";
  std::string sort = "count";
  std::optional<std::string> at, out;
  bool json = false, csv = false;
};

// Every option read into `report`, or the first that cannot be (its error line printed).
bool ParseOptions(const StatsOptions& o, StatsReport* report) {
  UtcTime now, before;
  ParseIsoTime(NowUtc(), &now);
  Status s = ParseTimeOption("--at", o.at ? *o.at : "now", now, TimeEdge::End, &before);
  report->at = UtcTime{before.seconds - 1};  // the last instant counted ("7d" is a date, not two letters)
  if (s.ok() && !ParseGrouping(LowerAscii(o.by), &report->by))
    s = Status::Error("--by: \"" + o.by + "\" is not a grouping: write state, model or state,model");
  if (s.ok() && !ParseTallyOrder(LowerAscii(o.sort), &report->order))
    s = Status::Error("--sort: \"" + o.sort + "\" is not an order: write count or name");
  if (!s.ok()) std::cerr << "icetrack: " << s.message() << "\n";
  return s.ok();
}

// Both lists as of the date, counted.
Status Count(Store* store, StatsReport* r) {
  RosterQuery query;
  query.before = UtcTime{r->at.seconds + 1};
  std::vector<RosterEntry> participating, pending;
  Status s = store->RosterAt(query, &r->participating, &participating);
  query.list = ListKind::Pending;
  if (s.ok()) s = store->RosterAt(query, &r->pending, &pending);
  if (!s.ok()) return s;
  r->groups = TallyRoster(participating, r->by, r->order);
  r->by_state = TallyRoster(participating, Grouping::State, TallyOrder::Count);
  r->pending_groups = TallyRoster(pending, r->by, r->order);
  return s;
}

int RunStats(const StatsOptions& o) {
  StatsReport report;
  if (!ParseOptions(o, &report)) return kExitUsage;
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForReading(o.store, &store)) return code;
  if (Status s = Count(store.get(), &report); !s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (!report.participating)
    std::cerr << "icetrack: no participating list was published by " << FormatIsoTime(report.at) << "\n";
  std::string text = o.json ? PrettyJson(StatsJson(report)) + "\n"
                     : o.csv ? StatsCsv(report)
                     : report.participating ? StatsText(report) : "";
  if (!o.out) {
    std::cout << text;
    return kExitOk;
  }
  Status s = WriteFileAtomically(*o.out, text);
  if (!s.ok()) std::cerr << "icetrack: " << s.message() << "\n";
  return s.ok() ? kExitOk : kExitOutput;
}

}  // namespace

void AddStatsCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand("stats", "Counts of agreements, agencies and states as of a date");
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--at", o->at, "As of this date or time (see README: dates), e.g. 2025-05-19; default now");
  cmd->add_option("--by", o->by, "state, model or state,model")->capture_default_str();
  cmd->add_option("--sort", o->sort, "count (most first) or name")->capture_default_str();
  auto json = cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->add_flag("--csv", o->csv, "CSV: a line a group, then the total (UTF-8 with a byte-order mark)")->excludes(json);
  cmd->add_option("--out", o->out, "Write to this file (whole or not at all) instead of stdout");
  cmd->callback([o, exit_code] { *exit_code = RunStats(*o); });
}

}  // namespace icetrack
