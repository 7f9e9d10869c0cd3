#include "app/history_commands.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

#include "app/event_format.h"
#include "app/exit_codes.h"
#include "app/json_text.h"
#include "app/ingest.h"
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
      nlohmann::ordered_json j = {{"key", h.key}, {"list", ToString(h.list)}, {"status", h.status},
                                  {"state_code", r.state_code}, {"agency", r.agency}, {"model", ToString(r.model)},
                                  {"signed", r.signed_date}, {"moa_url", r.moa_url},
                                  {"first_seen", h.first_seen}, {"last_seen", h.last_seen}};
      j["events"] = nlohmann::ordered_json::array();
      for (const StoredEvent& e : h.events) j["events"].push_back(EventJson(e));
      all.push_back(j);
      continue;
    }
    std::cout << r.state_code << "  " << r.agency << "  " << ToString(r.model) << "  (" << ToString(h.list)
              << " list, " << h.status << ")\n";
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

struct StatsOptions {
  std::string db, at, by = "model";
  bool json = false;
};

std::string GroupOf(const Count& c, const std::string& by) {
  std::string state = c.state_code.empty() ? "??" : c.state_code;
  std::string model = c.model == Model::Unknown ? "?" : ToString(c.model);
  if (by == "state") return state;
  if (by == "model") return model;
  return state + " " + model;
}

int RunStats(const StatsOptions& o) {
  if (o.by != "state" && o.by != "model" && o.by != "state,model") {
    std::cerr << "icetrack: --by must be state, model or state,model\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (!OpenStoreOrReport(o.db, &store)) return kExitStore;
  std::string at = o.at.empty() ? NowUtc() : o.at;
  std::optional<SnapshotInfo> snapshot, pending_snapshot;
  std::vector<Count> counts, pending_counts;
  Status s = store->CountsAt(ListKind::Participating, at, &snapshot, &counts);
  if (s.ok()) s = store->CountsAt(ListKind::Pending, at, &pending_snapshot, &pending_counts);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (!snapshot) {
    std::cerr << "icetrack: no participating list published on or before " << at << "\n";
    return kExitOk;
  }
  std::map<std::string, int> groups;
  int total = 0, pending = 0;
  for (const Count& c : counts) {
    groups[GroupOf(c, o.by)] += c.rows;
    total += c.rows;
  }
  for (const Count& c : pending_counts) pending += c.rows;
  if (o.json) {
    nlohmann::ordered_json j = {{"at", at}, {"snapshot", snapshot->id}, {"published_at", snapshot->published_at},
                                {"source_name", snapshot->source_name}, {"participating_rows", total},
                                {"pending_rows", pending_snapshot ? nlohmann::ordered_json(pending) : nlohmann::ordered_json()},
                                {"by", o.by}};
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

struct AcceptOptions {
  std::string db;
  IngestOptions ingest;
  int64_t snapshot = 0;
};

int RunAccept(const AcceptOptions& o) {
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForWriting(o.db, &lock, &store)) return code;
  IngestOutcome outcome;
  Status s = AcceptQuarantined(store.get(), o.snapshot, o.ingest, &outcome);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitUsage;
  }
  std::cout << "accepted snapshot #" << o.snapshot << " (" << ToString(outcome.list) << ", " << outcome.rows
            << " rows): " << SummarizeEvents(outcome.events) << "\n";
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

void AddShowCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "The full history of the agreements whose agency matches TEXT");
  cmd->add_option("TEXT", o->text, "Part of an agency name, any case")->required();
  AddDbOption(cmd, &o->db);
  cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->callback([o, exit_code] { *exit_code = RunShow(*o); });
}

void AddStatsCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand("stats", "Counts of agreements as of a date");
  AddDbOption(cmd, &o->db);
  cmd->add_option("--at", o->at, "Date (YYYY-MM-DD) or time; default now");
  cmd->add_option("--by", o->by, "state, model or state,model")->capture_default_str();
  cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->callback([o, exit_code] { *exit_code = RunStats(*o); });
}

void AddAcceptCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<AcceptOptions>();
  CLI::App* cmd = app.add_subcommand("accept", "Release a quarantined snapshot: diff it and record its events");
  cmd->add_option("SNAPSHOT", o->snapshot, "Snapshot id, as shown by import, run or log")->required();
  AddDbOption(cmd, &o->db);
  AddDiffOptions(cmd, &o->ingest, false);
  cmd->callback([o, exit_code] { *exit_code = RunAccept(*o); });
}

}  // namespace icetrack
