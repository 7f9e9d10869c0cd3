#include "app/import_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "app/alert_delivery.h"
#include "app/exit_codes.h"
#include "app/ingest.h"
#include "app/parse_ahead.h"
#include "app/progress_bar.h"
#include "app/store_option.h"
#include "fetcher/local_file.h"
#include "model/utc_time.h"
#include "net/http_client.h"
#include "parser/xlsx_reader.h"
#include "report/delivery_format.h"

namespace icetrack {

namespace {

struct ImportOptions {
  std::vector<std::string> paths;
  StoreChoice store;
  RuleFlags rules;
  IngestOptions ingest;  // the rules resolved against the database
  bool quiet = false;
  bool alert = false;    // queue alerts (and deliver them at the end), as `run` does
};

struct Candidate {
  std::string path, published_at;
};

// The workbooks to import, in publication order (not argument order: the diff
// must see history forwards). Only their times are kept, not their bytes, so
// that memory holds one workbook at a time. Unreadable files are reported.
std::vector<Candidate> Collect(const ImportOptions& options, int* failures) {
  std::vector<Candidate> candidates;
  std::vector<std::string> problems;
  std::vector<std::string> paths = FindWorkbookFiles(options.paths, &problems);
  for (const std::string& problem : problems) std::cerr << "icetrack: " << problem << " (skipped)\n";
  *failures += static_cast<int>(problems.size());
  for (const std::string& path : paths) {
    Candidate c{path, ""};
    std::string bytes;
    Status s = ReadLocalFile(path, &bytes);
    if (s.ok()) s = ReadWorkbookModifiedTime(std::move(bytes), path, options.ingest.limits, &c.published_at);
    c.published_at = CanonicalTime(c.published_at);
    // Dated by the import's clock, it would be the newest and push real publications into "late".
    if (s.ok() && c.published_at.empty())
      s = Status::Error(path + ": docProps/core.xml states no modified time, so where it belongs in history "
                               "cannot be told");
    if (!s.ok()) {
      std::cerr << "icetrack: " << s.message() << " (skipped)\n";
      ++*failures;
      continue;
    }
    candidates.push_back(std::move(c));
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.published_at, a.path) < std::tie(b.published_at, b.path);
  });
  return candidates;
}

const char* OutcomeWord(Placement placement) {
  switch (placement) {
    case Placement::Duplicate: return "already stored";
    case Placement::Quarantined: return "quarantined";
    case Placement::Late: return "late";
    case Placement::Accepted: break;
  }
  return "stored";
}

void PrintOutcome(const IngestOutcome& outcome, const std::string& path) {
  std::string summary = SummarizeEvents(outcome.events);
  std::cout << outcome.published_at << "  " << ToString(outcome.list) << "  " << outcome.rows << " rows  "
            << OutcomeWord(outcome.result);
  if (outcome.snapshot_id) std::cout << " #" << outcome.snapshot_id;
  if (!summary.empty() && outcome.result != Placement::Duplicate) std::cout << ": " << summary;
  if (!outcome.note.empty()) std::cout << " (" << outcome.note << ")";
  std::cout << "  " << path << "\n";
}

// Sends what the import queued, as `run` does at its end.
void DeliverQueued(Store* store, const Config& config, bool quiet) {
  DeliverOptions d;
  d.user_agent = UserAgent(ICETRACK_VERSION, config.contact.value_or(ICETRACK_CONTACT));
  d.config_file = config.file;
  DeliveryPass pass;
  Status s = DeliverDue(store, config.alerts, d, &pass);
  if (!s.ok()) std::cerr << "icetrack: " << s.message() << " (alerts not delivered)\n";
  if (quiet) return;
  for (const std::string& line : DeliveryPassLines(pass)) std::cout << line << "\n";
}

int RunImport(ImportOptions options) {
  // The files first: with nothing to import, the database is not even opened.
  int failures = 0;
  std::vector<Candidate> candidates = Collect(options, &failures);
  if (candidates.empty()) {
    std::cerr << "icetrack: nothing to import: " << failures << " file(s) or folder(s) could not be imported\n";
    return kExitParse;
  }
  Config config;
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  if (int code = OpenConfiguredStore(options.store, &options.rules, &options.ingest, &config, &lock, &store)) return code;
  if (options.alert) options.ingest.alerts = config.alerts;
  std::set<std::string> stored;
  if (Status s = store->StoredDigests(&stored); !s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  std::vector<std::string> paths;
  for (const Candidate& c : candidates) paths.push_back(c.path);
  // The next workbook is read on a second thread while this one is recorded.
  ParseAhead ahead(paths, [&paths, &stored, &options](size_t i) {
    return ReadWorkbookFile(paths[i], stored, options.ingest.limits);
  });
  ReadWorkbook read;
  for (size_t i = 0; ahead.Next(&read); ++i) {
    IngestInput input;
    input.source_name = std::filesystem::path(read.path).filename().string();
    input.label = read.path;
    input.bytes = std::move(read.bytes);
    ShowProgress(i, candidates.size(), input.source_name);
    IngestOutcome outcome;
    Status s = read.status;
    if (s.ok()) s = IngestHashed(store.get(), input, read.sha256, read.parsed ? &read.roster : nullptr, options.ingest, &outcome);
    ClearProgress();
    if (!s.ok()) {
      std::cerr << "icetrack: " << s.message() << " (skipped)\n";
      ++failures;
    } else if (!options.quiet) {
      PrintOutcome(outcome, read.path);
    }
  }
  if (options.alert) DeliverQueued(store.get(), config, options.quiet);
  if (failures) {
    std::cerr << "icetrack: " << failures << " file(s) could not be imported\n";
    return kExitParse;
  }
  return kExitOk;
}

}  // namespace

void AddImportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Ingest archived workbooks (files or folders) in publication order");
  cmd->add_option("PATH", options->paths, "Workbooks (.xlsx) or folders of them")->required();
  AddStoreOptions(cmd, &options->store);
  AddRuleOptions(cmd, &options->rules);
  cmd->add_flag("--alert", options->alert,
                "Queue alerts for the events, as run does, and deliver them at the end (without it, none)");
  cmd->add_flag("-q,--quiet", options->quiet, "Print only errors");
  cmd->callback([options, exit_code] { *exit_code = RunImport(*options); });
}

}  // namespace icetrack
