// `icetrack config check`: reads and checks the configuration as every
// command would, and prints it as it takes effect — defaults filled in,
// every secret masked (its source named, its value never).
#include <iostream>
#include <memory>

#include "app/config_command.h"
#include "app/exit_codes.h"
#include "app/config.h"
#include "app/source_check.h"
#include "app/tracking_cycle.h"

namespace icetrack {
namespace {

struct CheckOptions {
  std::string config, db;
};

std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

template <typename T, typename F>
std::string List(const std::vector<T>& values, F name) {
  std::string out = "[";
  for (const T& v : values) out += (out.size() > 1 ? ", " : "") + Quoted(name(v));
  return out + "]";
}

std::string Span(int64_t seconds) {
  if (seconds > 0 && seconds % 86400 == 0) return std::to_string(seconds / 86400) + "d";
  if (seconds > 0 && seconds % 3600 == 0) return std::to_string(seconds / 3600) + "h";
  if (seconds > 0 && seconds % 60 == 0) return std::to_string(seconds / 60) + "m";
  return std::to_string(seconds) + "s";
}

void PrintAlert(const AlertTarget& t) {
  std::cout << "\n[[alert]]\nname = " << Quoted(t.name) << "\ntype = " << Quoted(ToString(t.channel))
            << "\nurl = " << Quoted(t.ShownUrl())
            << (t.channel == Channel::Email ? "" : "  # shown without its path, which may hold a token") << "\n";
  if (!t.enabled) std::cout << "enabled = false\n";
  std::cout << "lang = " << Quoted(ToString(t.language)) << "\n";
  if (t.channel == Channel::Email) {
    std::cout << "from = " << Quoted(MailboxHeader(t.from)) << "\nto = "
              << List(t.to, [](const Mailbox& m) { return MailboxHeader(m); }) << "\ntls = " << Quoted(ToString(t.tls))
              << "\n";
    if (!t.username.empty())
      std::cout << "username = " << Quoted(t.username) << "\npassword = " << Quoted(AlertTarget::Masked(t.password))
                << "\n";
    if (!t.ca_file.empty()) std::cout << "ca_file = " << Quoted(t.ca_file) << "\n";
  }
  if (t.channel == Channel::Webhook)
    std::cout << "secret = " << Quoted(t.secret.empty() ? "(none: requests are not signed)" : AlertTarget::Masked(t.secret))
              << "\n";
  const AlertFilter& f = t.filter;
  if (!f.states.empty()) std::cout << "states = " << List(f.states, [](const std::string& s) { return s; }) << "\n";
  if (!f.models.empty()) std::cout << "models = " << List(f.models, [](Model m) { return std::string(ToString(m)); }) << "\n";
  if (!f.lists.empty()) std::cout << "lists = " << List(f.lists, [](ListKind l) { return std::string(ToString(l)); }) << "\n";
  if (!f.match.empty()) std::cout << "match = " << List(f.match, [](const std::string& s) { return s; }) << "\n";
  const std::vector<EventKind>& kinds = f.kinds.empty() ? DefaultAlertKinds() : f.kinds;
  std::cout << "kinds = " << List(kinds, [](EventKind k) { return std::string(ToString(k)); })
            << (f.kinds.empty() ? "  # the default: all but missing" : "") << "\n";
  std::cout << "retry = " << List(t.retry, [](int64_t s) { return Span(s); }) << "\ngive_up_after = "
            << Quoted(Span(t.give_up_after)) << "\n";
}

int RunCheck(const CheckOptions& o) {
  Config config;
  if (int code = LoadConfigOption(o.config, &config)) return code;
  std::cout << "# " << (config.file.empty() ? "no configuration file: the defaults" : config.file + ": valid") << "\n";
  std::cout << "[source]\npage = " << Quoted(config.page.value_or(CycleOptions().page_url))
            << "\ncontact = " << Quoted(config.contact.value_or(ICETRACK_CONTACT))
            << "\nfailing_after = " << config.failing_after << "\narchive_moa = " << (config.archive_moa ? "true" : "false")
            << "\n";
  std::cout << "\n[database]\npath = " << Quoted(DatabasePath(o.db, config)) << "\n";
  const RuleFlags& r = config.rules;
  std::cout << "\n[rules]  # unset: as the database has them (3 publications, 7 days, 0.25 by default)\n";
  if (r.removal_after) std::cout << "removal_after = " << *r.removal_after << "\n";
  if (r.removal_after_days) std::cout << "removal_after_days = " << *r.removal_after_days << "\n";
  if (r.max_removed_share) std::cout << "max_removed_share = " << *r.max_removed_share << "\n";
  if (config.metrics_file) std::cout << "\n[metrics]\nfile = " << Quoted(*config.metrics_file) << "\n";
  if (config.report_dir)
    std::cout << "\n[report]\ndir = " << Quoted(*config.report_dir) << "\nlang = " << Quoted(ToString(config.report_language))
              << "\n";
  for (const AlertTarget& t : config.alerts) PrintAlert(t);
  return kExitOk;
}

}  // namespace

void AddConfigCommand(CLI::App& app, int* exit_code) {
  CLI::App* config = app.add_subcommand("config", "The configuration file");
  config->require_subcommand(1);
  auto o = std::make_shared<CheckOptions>();
  CLI::App* check = config->add_subcommand("check", "Check the configuration and print it as it takes effect, secrets masked");
  AddConfigOption(check, &o->config);
  check->add_option("--db", o->db, "As the other commands take it (it wins over [database] path)");
  check->callback([o, exit_code] { *exit_code = RunCheck(*o); });
}

}  // namespace icetrack
