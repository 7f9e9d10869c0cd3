#include "app/config.h"

#include <sys/stat.h>

#include <cstdlib>
#include <iostream>

#include "app/alert_config.h"
#include "app/exit_codes.h"
#include "app/language.h"
#include "app/option_values.h"
#include "app/toml_table.h"
#include "fetcher/local_file.h"
#include "model/utc_time.h"
#include "store/store.h"

namespace icetrack {
namespace {

constexpr int64_t kMaxConfigBytes = 1 << 20;

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::string FolderOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool IsPrivate(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) != 0 || (st.st_mode & 044) == 0;
}

// A top-level key that must be a table, or absent.
const toml::table* Section(const toml::table& root, const char* key, const std::string& file, Status* status) {
  const toml::node* node = root.get(key);
  if (!node || !status->ok()) return nullptr;
  if (!node->is_table()) {
    *status = Status::Error(TomlPosition(file, node->source().begin) + ": " + key + ": must be a table ([" + key + "])");
    return nullptr;
  }
  return node->as_table();
}

Status ReadSource(const std::string& file, const toml::table& t, Config* out) {
  TomlTable source(file, t, "source");
  source.RejectUnknown({"page", "contact", "failing_after", "interval", "archive_moa"});
  source.Boolean("archive_moa", &out->archive_moa);
  std::string interval;
  if (source.String("interval", &interval) &&
      (!ParseDuration(interval, &out->interval) || out->interval < 60 || out->interval > 7 * 86400))
    source.Fail("interval", "\"" + interval + "\" is not a span from 1m to 7d, such as \"1h\" or \"30m\"");
  std::optional<int> failing_after;
  if (source.Integer("failing_after", 1, 1000, &failing_after)) out->failing_after = *failing_after;
  std::string page, contact;
  if (source.String("page", &page)) {
    if (page.rfind("https://", 0) != 0 && page.rfind("http://", 0) != 0)
      source.Fail("page", "\"" + page + "\" is not an http(s) URL");
    out->page = page;
  }
  if (source.String("contact", &contact)) {
    bool printable = !contact.empty();
    for (char c : contact) printable = printable && c >= 0x20 && c != 0x7f;
    if (!printable) source.Fail("contact", "must be a URL or an address in printable characters");
    out->contact = contact;
  }
  return source.status();
}

Status ReadDatabase(const std::string& file, const toml::table& t, Config* out) {
  TomlTable database(file, t, "database");
  database.RejectUnknown({"path"});
  std::string path;
  if (database.String("path", &path)) {
    if (path.empty()) database.Fail("path", "is empty");
    out->database = path[0] == '/' ? path : FolderOf(file) + "/" + path;
  }
  return database.status();
}

Status ReadRules(const std::string& file, const toml::table& t, Config* out) {
  TomlTable rules(file, t, "rules");
  rules.RejectUnknown({"removal_after", "removal_after_days", "max_removed_share"});
  auto whole = [](std::pair<double, double> r) { return std::pair<int64_t, int64_t>(r.first, r.second); };
  rules.Integer("removal_after", whole(kRemovalAfter).first, whole(kRemovalAfter).second, &out->rules.removal_after);
  rules.Integer("removal_after_days", whole(kRemovalAfterDays).first, whole(kRemovalAfterDays).second,
                &out->rules.removal_after_days);
  rules.Number("max_removed_share", kMaxRemovedShare.first, kMaxRemovedShare.second, &out->rules.max_removed_share);
  return rules.status();
}

Status ReadStatus(const std::string& file, const toml::table& t, Config* out) {
  TomlTable status(file, t, "status");
  status.RejectUnknown({"stale_after"});
  std::string stale;
  if (status.String("stale_after", &stale) &&
      (!ParseDuration(stale, &out->stale_after) || out->stale_after < 60 || out->stale_after > 365 * 86400))
    status.Fail("stale_after", "\"" + stale + "\" is not a span from 1m to 365d, such as \"1d\" or \"6h\"");
  return status.status();
}

Status ReadMetrics(const std::string& file, const toml::table& t, Config* out) {
  TomlTable metrics(file, t, "metrics");
  metrics.RejectUnknown({"file"});
  std::string path;
  if (metrics.String("file", &path)) {
    if (path.empty()) metrics.Fail("file", "is empty");
    out->metrics_file = path[0] == '/' ? path : FolderOf(file) + "/" + path;
  }
  return metrics.status();
}

Status ReadReport(const std::string& file, const toml::table& t, Config* out) {
  TomlTable report(file, t, "report");
  report.RejectUnknown({"dir", "lang"});
  std::string path, lang;
  if (report.String("dir", &path)) {
    if (path.empty()) report.Fail("dir", "is empty");
    out->report_dir = path[0] == '/' ? path : FolderOf(file) + "/" + path;
  }
  Status s;
  if (report.String("lang", &lang) && !(s = ReadLanguage(lang, &out->report_language)).ok())
    report.Fail("lang", s.message());
  return report.status();
}

Status ReadRoot(const std::string& file, const toml::table& root, Config* out) {
  TomlTable top(file, root, "");
  top.RejectUnknown({"source", "database", "rules", "status", "metrics", "report", "alert"});
  Status s = top.status();
  if (const toml::table* t = Section(root, "source", file, &s)) s = ReadSource(file, *t, out);
  if (const toml::table* t = Section(root, "database", file, &s)) s = ReadDatabase(file, *t, out);
  if (const toml::table* t = Section(root, "rules", file, &s)) s = ReadRules(file, *t, out);
  if (const toml::table* t = Section(root, "status", file, &s)) s = ReadStatus(file, *t, out);
  if (const toml::table* t = Section(root, "metrics", file, &s)) s = ReadMetrics(file, *t, out);
  if (const toml::table* t = Section(root, "report", file, &s)) s = ReadReport(file, *t, out);
  const toml::node* alerts = root.get("alert");
  if (s.ok() && alerts) {
    if (!alerts->is_array_of_tables())
      return Status::Error(TomlPosition(file, alerts->source().begin) + ": alert: write one [[alert]] table per target");
    AlertConfigContext context{file, FolderOf(file), IsPrivate(file)};
    s = ReadAlertTargets(context, *alerts->as_array(), &out->alerts, &out->warnings);
  }
  return s;
}

}  // namespace

const AlertTarget* Config::FindAlert(const std::string& name) const {
  for (const AlertTarget& t : alerts) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string ConfigPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("ICETRACK_CONFIG");
  if (env && *env) return env;
  if (Exists("/etc/icetrack/icetrack.toml")) return "/etc/icetrack/icetrack.toml";
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::string folder = xdg && *xdg ? xdg : home && *home ? std::string(home) + "/.config" : "";
  if (!folder.empty() && Exists(folder + "/icetrack/icetrack.toml")) return folder + "/icetrack/icetrack.toml";
  return "";
}

Status ReadConfig(const std::string& path, Config* out) {
  *out = Config();
  if (path.empty()) return Status::Ok();
  out->file = path;
  std::string text;
  Status s = ReadLocalFile(path, &text, kMaxConfigBytes);
  if (!s.ok()) return s;
  return ParseConfigText(text, path, out);
}

Status ParseConfigText(const std::string& text, const std::string& path, Config* out) {
  *out = Config();
  out->file = path;
  try {
    toml::table root = toml::parse(text, path);
    return ReadRoot(path, root, out);
  } catch (const toml::parse_error& e) {
    return Status::Error(TomlPosition(path, e.source().begin) + ": " + std::string(e.description()));
  } catch (const std::exception& e) {  // toml++ and the standard library beyond parse errors (bad_alloc, ...)
    return Status::Error(path + ": " + e.what());
  }
}

void AddConfigOption(CLI::App* cmd, std::string* path) {
  cmd->add_option("--config", *path,
                  "Configuration file (default: $ICETRACK_CONFIG, /etc/icetrack/icetrack.toml or "
                  "$XDG_CONFIG_HOME/icetrack/icetrack.toml, when present)")
      ->check(NonEmptyPath());
}

int LoadConfigOption(const std::string& flag, Config* out) {
  Status s = ReadConfig(ConfigPath(flag), out);
  if (s.ok()) {
    for (const std::string& w : out->warnings) std::cerr << "icetrack: warning: " << w << "\n";
    return kExitOk;
  }
  std::cerr << "icetrack: " << s.message() << "\n";
  return kExitUsage;
}

std::string DatabasePath(const std::string& flag, const Config& config) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("ICETRACK_DB");
  if (env && *env) return env;
  if (config.database) return *config.database;
  return DefaultDatabasePath();
}

RuleFlags MergedRules(const RuleFlags& flags, const Config& config) {
  RuleFlags merged = config.rules;
  if (flags.removal_after) merged.removal_after = flags.removal_after;
  if (flags.removal_after_days) merged.removal_after_days = flags.removal_after_days;
  if (flags.max_removed_share) merged.max_removed_share = flags.max_removed_share;
  return merged;
}

}  // namespace icetrack
