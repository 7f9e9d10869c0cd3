#include "app/store_option.h"

#include <filesystem>
#include <iostream>

#include "app/exit_codes.h"
#include "app/option_values.h"
#include "app/rebuild.h"
#include "app/rebuild_command.h"

namespace icetrack {

void AddStoreOptions(CLI::App* cmd, StoreChoice* choice) {
  cmd->add_option("--db", choice->db,
                  "SQLite database (default: $ICETRACK_DB, [database] path, $STATE_DIRECTORY/icetrack.db, "
                  "$XDG_STATE_HOME/icetrack/icetrack.db or ~/.local/state/icetrack/icetrack.db)")
      ->check(NonEmptyPath());
  AddConfigOption(cmd, &choice->config);
}

int ResolveStore(const StoreChoice& choice, Config* config, std::string* path) {
  if (int code = LoadConfigOption(choice.config, config)) return code;
  *path = DatabasePath(choice.db, *config);
  return kExitOk;
}

namespace {

// A missing database, with the commands that make one.
void ReportOpenFailure(const std::string& path, const Status& s) {
  std::cerr << "icetrack: " << s.message();
  if (s.message() == path + ": no icetrack database here")
    std::cerr << "; `icetrack import --db " << path << " FILE…` or `icetrack run --db " << path << "` creates one";
  std::cerr << "\n";
}

}  // namespace

int OpenStoreForReading(const StoreChoice& choice, std::unique_ptr<Store>* out, Config* config) {
  Config local;
  std::string path;
  if (int code = ResolveStore(choice, config ? config : &local, &path)) return code;
  return OpenPathForReading(path, out);
}

int OpenPathForReading(const std::string& path, std::unique_ptr<Store>* out) {
  Status s = Store::OpenReadOnly(path, out);
  if (s.ok()) return kExitOk;
  ReportOpenFailure(path, s);
  return kExitStore;
}

int OpenStoreForWriting(const std::string& path, const RuleFlags* flags, IngestOptions* options,
                        std::unique_ptr<InstanceLock>* lock, std::unique_ptr<Store>* out, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec)) {  // before the lock, which would make the folder
    ReportOpenFailure(path, Status::Error(path + ": no icetrack database here"));
    return kExitStore;
  }
  bool held = false;
  Status s = InstanceLock::Acquire(path, lock, &held);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return held ? kExitLocked : kExitStore;
  }
  s = create ? Store::Open(path, out) : Store::OpenExisting(path, out);
  if (!s.ok()) {
    ReportOpenFailure(path, s);
    return kExitStore;
  }
  if (!flags) return kExitOk;
  bool rebuilt = false;
  Rules was;
  RebuildReport report;
  s = EnsureCurrentRules(out->get(), *flags, options, &rebuilt, &was, &report);
  if (!s.ok()) {
    // Tracking goes on on the old log; the next writer tries again.
    std::cerr << "icetrack: " << path << ": the change log could not be rebuilt for " << CurrentRulesVersion()
              << " (" << s.message() << "); it stays as it was, under " << Describe(was) << "\n";
    return kExitOk;
  }
  if (rebuilt) {
    std::cerr << "icetrack: " << path << ": the change log was built under " << Describe(was) << "; now "
              << Describe(Rules{CurrentRulesVersion(), options->diff, options->guard}) << ": rebuilt from "
              << report.snapshots << " stored publications: " << report.added.size() << " events added, "
              << report.disappeared.size() << " disappeared\n";
    std::vector<std::string> lines = RebuildChangeLines(report);
    const size_t shown = 20;
    for (size_t i = 0; i < lines.size() && i < shown; ++i) std::cerr << "icetrack:   " << lines[i] << "\n";
    if (lines.size() > shown) std::cerr << "icetrack:   ... and " << lines.size() - shown << " more\n";
  }
  return kExitOk;
}

int OpenConfiguredStore(const StoreChoice& choice, const RuleFlags* flags, IngestOptions* options, Config* config,
                        std::unique_ptr<InstanceLock>* lock, std::unique_ptr<Store>* out, bool create) {
  std::string path;
  if (int code = ResolveStore(choice, config, &path)) return code;
  RuleFlags rules;
  if (flags) rules = MergedRules(*flags, *config);
  return OpenStoreForWriting(path, flags ? &rules : nullptr, options, lock, out, create);
}

CLI::Option* AddAgreementChoiceOptions(CLI::App* cmd, AgreementChoice* c, const std::string& text_help) {
  CLI::Option* text = cmd->add_option("TEXT", c->text, text_help);
  AddStoreOptions(cmd, &c->store);
  cmd->add_option("--state", c->state, "Only this state: its code or name")->needs(text);
  cmd->add_option("--model", c->model, "Only this model: JEM, TFM or WSO")->needs(text);
  cmd->add_option("--list", c->list, "Only this list: participating or pending")->needs(text);
  return text;
}

int FindChosenAgreements(const AgreementChoice& c, std::unique_ptr<Store>* store, std::vector<AgreementHistory>* found) {
  AgreementQuery query;
  Status s = ReadAgreementQuery(c.text, c.state, c.model, c.list, &query);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitUsage;
  }
  if (int code = OpenStoreForReading(c.store, store)) return code;
  if (!(s = (*store)->FindAgreements(query, found)).ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  return kExitOk;
}

}  // namespace icetrack
