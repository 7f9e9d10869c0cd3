#include "app/roster_command.h"

#include <iostream>
#include <optional>

#include "app/exit_codes.h"
#include "app/option_values.h"
#include "app/output_file.h"
#include "app/store_option.h"
#include "app/time_option.h"
#include "report/json_text.h"
#include "report/roster_listing.h"
#include "report/xlsx_tables.h"

namespace icetrack {

namespace {

struct RosterOptions {
  StoreChoice store;
  std::optional<std::string> at, state, model, list, out;
  bool json = false, csv = false, xlsx = false;
};

// Every option read into `query`, or the first that cannot be (its error line printed).
bool ParseQuery(const RosterOptions& o, RosterQuery* query, std::string* at) {
  UtcTime now;
  ParseIsoTime(NowUtc(), &now);
  Status s = ParseTimeOption("--at", o.at ? *o.at : "now", now, TimeEdge::End, &query->before);
  if (s.ok() && o.state) s = ParseStateOption("--state", *o.state, &query->state_code);
  if (s.ok() && o.model) s = ParseModelOption("--model", *o.model, &query->model);
  if (s.ok() && o.list) s = ParseListOption("--list", *o.list, &query->list);
  if (s.ok() && o.xlsx && !o.out) s = Status::Error("--xlsx: needs --out FILE (a workbook is not for a terminal)");
  if (!s.ok()) std::cerr << "icetrack: " << s.message() << "\n";
  *at = FormatIsoTime(UtcTime{query->before.seconds - 1});  // the last instant counted
  return s.ok();
}

// The listing in the format asked for, to --out (whole or not at all) or stdout.
int Emit(const RosterOptions& o, const RosterListing& listing) {
  Status s;
  if (o.xlsx) {
    s = WriteFileAtomicallyWith(*o.out, [&](const std::string& temp) {
      return WriteXlsx(temp, {RosterTable(listing.entries)});
    });
  } else {
    std::string text = o.json  ? PrettyJson(RosterListingJson(listing)) + "\n"
                       : o.csv ? RosterCsv(listing.entries)
                               : RosterText(listing);
    if (o.out) s = WriteFileAtomically(*o.out, text);
    else std::cout << text;
  }
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitOutput;
  }
  return kExitOk;
}

int RunRoster(const RosterOptions& o) {
  RosterQuery query;
  RosterListing listing;
  if (!ParseQuery(o, &query, &listing.at)) return kExitUsage;
  listing.list = query.list;
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForReading(o.store, &store)) return code;
  Status s = store->RosterAt(query, &listing.snapshot, &listing.entries);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (!listing.snapshot)
    std::cerr << "icetrack: no " << ToString(query.list) << " list was published by " << listing.at << "\n";
  else if (listing.entries.empty() && !o.json && !o.csv && !o.xlsx)
    std::cerr << "icetrack: no row of that list matches\n";
  return Emit(o, listing);
}

}  // namespace

void AddRosterCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<RosterOptions>();
  CLI::App* cmd = app.add_subcommand("roster", "The roster as of a date, with every field");
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--at", o->at, "As of this date or time (see README: dates), e.g. 2025-05-19; default now");
  cmd->add_option("--state", o->state, "Only this state: its code or name");
  cmd->add_option("--model", o->model, "Only this model: JEM, TFM or WSO");
  cmd->add_option("--list", o->list, "participating (the default) or pending");
  auto json = cmd->add_flag("--json", o->json, "JSON (docs/roster.schema.json)");
  auto csv = cmd->add_flag("--csv", o->csv, "CSV with a header row (UTF-8 with a byte-order mark)")->excludes(json);
  cmd->add_flag("--xlsx", o->xlsx, "An Excel workbook (needs --out)")->excludes(json)->excludes(csv);
  cmd->add_option("--out", o->out, "Write to this file (whole or not at all) instead of stdout");
  cmd->callback([o, exit_code] { *exit_code = RunRoster(*o); });
}

}  // namespace icetrack
