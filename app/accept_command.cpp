#include "app/accept_command.h"

#include <iostream>
#include <memory>

#include "app/exit_codes.h"
#include "app/rebuild.h"
#include "app/rebuild_command.h"
#include "app/store_option.h"

namespace icetrack {

namespace {

struct AcceptOptions {
  std::string db;
  IngestOptions ingest;
  int64_t snapshot = 0;
};

int RunAccept(const AcceptOptions& o) {
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForWriting(o.db, &o.ingest, &lock, &store)) return code;
  AcceptOutcome outcome;
  Status s = AcceptQuarantined(store.get(), o.snapshot, o.ingest, &outcome);
  if (!s.ok()) {
    std::cerr << "icetrack: " << store->path() << ": " << s.message() << "\n";
    return kExitUsage;
  }
  const IngestOutcome& accepted = outcome.snapshot;
  std::string summary = SummarizeEvents(accepted.events);
  std::cout << "accepted snapshot #" << o.snapshot << " (" << ToString(accepted.list) << ", " << accepted.rows
            << " rows): " << (summary.empty() ? "no changes" : summary) << "\n";
  if (!outcome.rebuilt) return kExitOk;
  std::cout << "later publications were diffed again: " << outcome.rebuild.added.size() << " events added, "
            << outcome.rebuild.disappeared.size() << " disappeared\n";
  for (const std::string& line : RebuildChangeLines(outcome.rebuild)) std::cout << line << "\n";
  return kExitOk;
}

}  // namespace

void AddAcceptCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<AcceptOptions>();
  CLI::App* cmd = app.add_subcommand(
      "accept", "Release a quarantined snapshot: diff it where it stands in history and record its events");
  cmd->add_option("SNAPSHOT", o->snapshot, "Snapshot id, as shown by import, run or log")->required();
  AddDbOption(cmd, &o->db);
  AddDiffOptions(cmd, &o->ingest, false);
  cmd->callback([o, exit_code] { *exit_code = RunAccept(*o); });
}

}  // namespace icetrack
