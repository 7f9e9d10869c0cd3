#include "app/stats_command.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <optional>

#include "app/exit_codes.h"
#include "app/ingest.h"
#include "report/json_text.h"
#include "app/store_option.h"
#include "app/time_option.h"
#include "model/ascii_text.h"
#include "model/enum_names.h"

namespace icetrack {

namespace {

struct StatsOptions {
  StoreChoice store;
  std::string by = "model";
  std::optional<std::string> at;
  bool json = false;
};

// How counts may be grouped: by state, by model, or by both.
enum class Grouping { State, Model, StateModel };
constexpr EnumName<Grouping> kGroupings[] = {
    {Grouping::State, "state"}, {Grouping::Model, "model"}, {Grouping::StateModel, "state,model"}};

std::string GroupOf(const Count& c, Grouping by) {
  std::string state = c.state_code.empty() ? "??" : c.state_code;
  std::string model = c.model == Model::Unknown ? "?" : ToString(c.model);
  if (by == Grouping::State) return state;
  if (by == Grouping::Model) return model;
  return state + " " + model;
}

int RunStats(const StatsOptions& o) {
  Grouping grouping;
  if (!ValueIn(kGroupings, LowerAscii(o.by), &grouping)) {
    std::cerr << "icetrack: --by: \"" << o.by << "\" is not a grouping: write state, model or state,model\n";
    return kExitUsage;
  }
  const std::string by = NameIn(kGroupings, grouping);
  UtcTime now, before;
  ParseIsoTime(NowUtc(), &now);
  Status s = ParseTimeOption("--at", o.at ? *o.at : "now", now, TimeEdge::End, &before);
  // What was asked, resolved: the last instant counted ("7d" is a date, not two letters).
  std::string at = FormatIsoTime(UtcTime{before.seconds - 1});
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForReading(o.store, &store)) return code;
  std::optional<SnapshotInfo> snapshot, pending_snapshot;
  std::vector<Count> counts, pending_counts;
  s = store->CountsAt(ListKind::Participating, before, &snapshot, &counts);
  if (s.ok()) s = store->CountsAt(ListKind::Pending, before, &pending_snapshot, &pending_counts);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (!snapshot) {
    if (o.json)
      std::cout << PrettyJson(nlohmann::ordered_json{{"at", at}, {"snapshot", nullptr}, {"participating_rows", 0},
                                                     {"pending_rows", nullptr}, {"by", by},
                                                     {"groups", nlohmann::ordered_json::array()}})
                << "\n";
    std::cerr << "icetrack: no participating list was published by " << at << "\n";
    return kExitOk;
  }
  std::map<std::string, int> groups;
  int total = 0, pending = 0;
  for (const Count& c : counts) {
    groups[GroupOf(c, grouping)] += c.rows;
    total += c.rows;
  }
  for (const Count& c : pending_counts) pending += c.rows;
  if (o.json) {
    nlohmann::ordered_json j = {{"at", at}, {"snapshot", snapshot->id}, {"published_at", snapshot->published_at},
                                {"source_name", snapshot->source_name}, {"participating_rows", total},
                                {"pending_rows", pending_snapshot ? nlohmann::ordered_json(pending) : nlohmann::ordered_json()},
                                {"by", by}};
    j["groups"] = nlohmann::ordered_json::array();
    for (const auto& [name, n] : groups)
      j["groups"].push_back({{"group", name}, {"rows", n}, {"share", total ? static_cast<double>(n) / total : 0.0}});
    std::cout << PrettyJson(j) << "\n";
    return kExitOk;
  }
  std::cout << "As of " << at << ": " << total << " participating rows (snapshot #" << snapshot->id << ", published "
            << snapshot->published_at << ", " << snapshot->source_name << ")";
  if (pending_snapshot) std::cout << "; " << pending << " pending (published " << pending_snapshot->published_at << ")";
  std::cout << "\n";
  for (const auto& [name, n] : groups) {
    std::printf("  %-8s %5d  %5.1f%%\n", name.c_str(), n, total ? 100.0 * n / total : 0.0);
  }
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand("stats", "Counts of agreements as of a date");
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--at", o->at, "As of this date or time (see README: dates), e.g. 2025-05-19; default now");
  cmd->add_option("--by", o->by, "state, model or state,model")->capture_default_str();
  cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->callback([o, exit_code] { *exit_code = RunStats(*o); });
}

}  // namespace icetrack
