// The --db and --config options shared by the commands that use the
// database, and how a command opens it.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/ingest.h"
#include "app/rules.h"
#include "store/instance_lock.h"
#include "store/store.h"

namespace icetrack {

// --db and --config as given.
struct StoreChoice {
  std::string db, config;
};
void AddStoreOptions(CLI::App* cmd, StoreChoice* choice);

// Reads the configuration (app/config.h) and names the database: --db, else
// ICETRACK_DB, else [database] path, else the default state path. On
// failure prints the error and returns kExitUsage; 0 on success.
int ResolveStore(const StoreChoice& choice, Config* config, std::string* path);

// For commands that only read (log, show, stats): opens the database
// ResolveStore names, read-only: it is never created or changed. On failure
// prints the error and returns the exit code; 0 on success.
// `*config`, when given, gets the configuration read.
int OpenStoreForReading(const StoreChoice& choice, std::unique_ptr<Store>* out, Config* config = nullptr);
// The same for a path ResolveStore named.
int OpenPathForReading(const std::string& path, std::unique_ptr<Store>* out);

// For commands that write (run, import, accept, rebuild): takes the lock
// beside the database first, so that two writers never diff the same list at
// once, then opens it. With `flags`, resolves the rules (app/rules.h) into
// `*options`: when they differ from those the change log was built under (an
// older icetrack, or a threshold given now), the log is rebuilt under them
// first and what that changed is said on stderr. On failure prints the error
// and returns the exit code (kExitLocked when another icetrack holds the
// lock); 0 on success. Without `create`, a missing database is an error.
// `path` as ResolveStore named it.
int OpenStoreForWriting(const std::string& path, const RuleFlags* flags, IngestOptions* options,
                        std::unique_ptr<InstanceLock>* lock, std::unique_ptr<Store>* out, bool create = true);

// For writers: ResolveStore, then OpenStoreForWriting, the command line's
// thresholds (`flags`, when given) merged over [rules]. `*config` gets the
// configuration read.
// TEXT and the filters of `show` and `moa`, as given.
struct AgreementChoice {
  StoreChoice store;
  std::string text;
  std::optional<std::string> state, model, list;
};
// Reads them (app/option_values.h), opens the store for reading and finds the
// agreements that match: 0, or the exit code, its error printed.
int FindChosenAgreements(const AgreementChoice& choice, std::unique_ptr<Store>* store,
                         std::vector<AgreementHistory>* found);
// TEXT (help: `text_help`), the store options and --state, --model, --list
// on `cmd`; the filters need TEXT. Returns TEXT's option.
CLI::Option* AddAgreementChoiceOptions(CLI::App* cmd, AgreementChoice* choice, const std::string& text_help);

int OpenConfiguredStore(const StoreChoice& choice, const RuleFlags* flags, IngestOptions* options, Config* config,
                        std::unique_ptr<InstanceLock>* lock, std::unique_ptr<Store>* out, bool create = true);

}  // namespace icetrack
