#include "app/run_command.h"

#include <cctype>
#include <cmath>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/alert_delivery.h"
#include "app/config.h"
#include "app/cycle_summary.h"
#include "app/source_check.h"
#include "report/delivery_format.h"
#include "app/exit_codes.h"
#include "app/option_values.h"
#include "report/json_text.h"
#include "report/moa_format.h"
#include "store/instance_lock.h"
#include "app/store_option.h"
#include "app/tracking_cycle.h"
#include "app/tracking_run.h"
#include "fetcher/url_resolve.h"

namespace icetrack {
namespace {

using std::chrono::milliseconds;

struct RunOptions {
  std::string source = CycleOptions().page_url;
  StoreChoice store;
  std::string db;  // resolved from `store`
  std::string contact = ICETRACK_CONTACT;
  bool source_given = false, contact_given = false;  // else the configuration's, if it has them
  bool json = false, quiet = false, verbose = false, deliver = true;
  double timeout = 120, connect_timeout = 15, retry_budget = 300, retry_delay = 1;
  int max_attempts = 4;
  int64_t max_body_bytes = int64_t{64} << 20;
  RuleFlags rules;
  std::string metrics_file;  // else [metrics] file
  std::string report_dir;    // else [report] dir
  bool archive_moa = false;  // or [source] archive_moa
  double moa_delay = 1;
  double moa_recheck_after = 7 * 86400;
  double moa_pending_for = 21 * 86400;
  std::string pdftotext = kPdfTextProgram;
};

milliseconds Millis(double seconds) { return milliseconds(std::max(1LL, std::llround(seconds * 1000))); }

bool IsHttpUrl(const std::string& url) {
  UrlParts parts = SplitUrl(url);
  std::string scheme = parts.scheme.value_or("");
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (scheme == "http" || scheme == "https") && parts.authority && !parts.authority->empty() &&
         url.find_first_of(" \t\r\n") == std::string::npos;
}

// The contact goes into a header: printable ASCII only.
bool IsPrintable(const std::string& text) {
  for (char c : text) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return !text.empty();
}

std::string SecondsText(milliseconds ms) {
  std::ostringstream out;
  out << static_cast<double>(ms.count()) / 1000.0 << " s";
  return out.str();
}

HttpClientOptions ClientOptions(const RunOptions& o) {
  HttpClientOptions http;
  http.user_agent = UserAgent(ICETRACK_VERSION, o.contact);
  http.connect_timeout = Millis(std::min(o.connect_timeout, o.timeout));
  http.total_timeout = Millis(o.timeout);
  http.max_body_bytes = o.max_body_bytes;
  http.retry.max_attempts = o.max_attempts;
  http.retry.base_delay = Millis(o.retry_delay);
  http.retry.max_delay = std::max(http.retry.max_delay, http.retry.base_delay);
  if (o.verbose) {
    // Runs on this thread only: the cycle downloads one thing at a time.
    http.on_attempt = [](const FetchAttempt& a) {
      std::cerr << "icetrack: " << a.url << ": attempt " << a.attempt << ": "
                << (a.error.empty() ? "HTTP " + std::to_string(a.status) : a.error);
      if (a.will_retry) std::cerr << "; retrying in " << SecondsText(a.delay);
      std::cerr << "\n";
    };
  }
  return http;
}

void Print(const TrackResult& result, const RunOptions& o, int exit_code) {
  for (const std::string& error : result.report.errors()) std::cerr << "icetrack: " << error << "\n";
  if (o.json) {
    nlohmann::ordered_json j = CycleJson(result.report, exit_code);
    j["alerts"] = DeliveryPassJson(result.pass);
    if (result.moa) j["moa_documents"] = MoaTallyJson(*result.moa);
    std::cout << PrettyJson(j) << "\n";
    return;
  }
  for (const std::string& line : CycleSummaryLines(result.report, o.quiet)) std::cout << line << "\n";
  if (result.moa) std::cout << MoaTallyLine(*result.moa) << "\n";
  for (const std::string& line : DeliveryPassLines(result.pass)) std::cout << line << "\n";
}

// The options as the configuration completes them: the command line wins.
RunOptions WithConfig(RunOptions o, const Config& config, std::string db) {
  if (!o.source_given && config.page) o.source = *config.page;
  if (!o.contact_given && config.contact) o.contact = *config.contact;
  o.db = std::move(db);
  o.rules = MergedRules(o.rules, config);
  return o;
}

int RunCycleCommand(const RunOptions& given) {
  Config config;
  std::string db;
  if (int code = ResolveStore(given.store, &config, &db)) return code;
  const RunOptions o = WithConfig(given, config, db);
  if (!IsHttpUrl(o.source)) {
    std::cerr << "icetrack: --source must be an http or https URL, not \"" << o.source << "\"\n";
    return kExitUsage;
  }
  if (!IsPrintable(o.contact)) {
    std::cerr << "icetrack: --contact must be a URL or address in printable characters\n";
    return kExitUsage;
  }
  TrackSettings settings;
  settings.db = o.db;
  settings.rules = o.rules;
  settings.cycle.page_url = o.source;
  settings.cycle.retry_budget = Millis(o.retry_budget);
  settings.http = ClientOptions(o);
  settings.deliver = o.deliver;
  settings.metrics_file = o.metrics_file.empty() ? config.metrics_file.value_or("") : o.metrics_file;
  settings.report_dir = o.report_dir.empty() ? config.report_dir.value_or("") : o.report_dir;
  settings.report_language = config.report_language;
  settings.archive_moa = o.archive_moa || config.archive_moa;
  settings.moa_delay = o.moa_delay;
  settings.moa_recheck_after = static_cast<int64_t>(o.moa_recheck_after);
  settings.moa_pending_for = static_cast<int64_t>(o.moa_pending_for);
  settings.pdftotext = o.pdftotext;
  TrackResult result;
  int exit_code = TrackOnce(settings, config, &result);
  for (const std::string& p : result.problems) std::cerr << "icetrack: " << p << "\n";
  for (const std::string& w : result.warnings) std::cerr << "icetrack: warning: " << w << "\n";
  if (exit_code == kExitLocked || exit_code == kExitStore) return exit_code;  // said already
  Print(result, o, exit_code);
  return exit_code;
}

}  // namespace

void AddRunCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run", "One tracking cycle: fetch ICE's 287(g) page and workbooks, record snapshots and events");
  // A wrapper script's options come first and the user's last: the last one counts.
  cmd->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd->add_option("--source", o->source, "The 287(g) page ([source] page)")->capture_default_str()
      ->each([o](const std::string&) { o->source_given = true; });
  AddStoreOptions(cmd, &o->store);
  cmd->add_flag("!--no-deliver", o->deliver, "Queue alerts without sending them (`icetrack alerts deliver` sends)");
  auto json = cmd->add_flag("--json", o->json, "Print one JSON document about the cycle");
  cmd->add_flag("-q,--quiet", o->quiet, "Print only lists with new events (errors always go to stderr)")
      ->excludes(json);
  cmd->add_flag("-v,--verbose", o->verbose, "Report every HTTP attempt and retry on stderr");
  cmd->add_option("--contact", o->contact,
                  "URL or address named in the User-Agent, for ICE's webmasters ([source] contact)")
      ->capture_default_str()->each([o](const std::string&) { o->contact_given = true; });
  cmd->add_option("--timeout", o->timeout, "Seconds one HTTP attempt may take")
      ->check(Within(0.001, 3600.0))->capture_default_str();
  cmd->add_option("--connect-timeout", o->connect_timeout, "Seconds to connect")
      ->check(Within(0.001, 600.0))->capture_default_str();
  cmd->add_option("--retry-budget", o->retry_budget, "Seconds the whole cycle may spend waiting to retry")
      ->check(Within(0.0, 86400.0))->capture_default_str();
  cmd->add_option("--max-attempts", o->max_attempts, "Attempts per request, the first included")
      ->check(CLI::Range(1, 20))->capture_default_str();
  cmd->add_option("--max-body-bytes", o->max_body_bytes, "Refuse a page or workbook larger than this")
      ->check(CLI::Range(int64_t{1024}, int64_t{1} << 34))->capture_default_str();
  AddRuleOptions(cmd, &o->rules);
  cmd->add_option("--metrics-file", o->metrics_file,
                  "Write Prometheus metrics here after the run, for node_exporter's textfile collector ([metrics] file)")
      ->check(NonEmptyPath());
  cmd->add_flag("--archive-moa", o->archive_moa,
                "Download and keep the MOA and addendum documents the roster links ([source] archive_moa)");
  // For tests: the pace of those requests.
  cmd->add_option("--moa-delay", o->moa_delay, "Seconds between two MOA requests")->check(Within(0.0, 600.0))->group("");
  cmd->add_option("--moa-recheck-after", o->moa_recheck_after, "Seconds before a document is asked for again")
      ->check(Within(0.0, 365.0 * 86400))->group("");
  cmd->add_option("--moa-pending-for", o->moa_pending_for, "Seconds a link is pending before its MOA is looked for")
      ->check(Within(0.0, 100.0 * 365 * 86400))->group("");
  cmd->add_option("--pdftotext", o->pdftotext, "The pdftotext program to read the documents' text with")->group("");
  cmd->add_option("--report-dir", o->report_dir,
                  "Refresh the report site in this folder after the run, as `icetrack report` writes it ([report] dir)")
      ->check(NonEmptyPath());
  // For tests: the first backoff delay (it doubles per retry, with jitter).
  cmd->add_option("--retry-delay", o->retry_delay, "Seconds before the first retry")
      ->check(Within(0.0, 600.0))->group("");
  cmd->callback([o, exit_code] { *exit_code = RunCycleCommand(*o); });
}

}  // namespace icetrack
