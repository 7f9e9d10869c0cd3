#include "app/export_command.h"

#include <iostream>
#include <optional>

#include "app/exit_codes.h"
#include "app/history_gather.h"
#include "app/language.h"
#include "app/output_file.h"
#include "app/report_site.h"
#include "app/store_option.h"
#include "app/time_option.h"
#include "report/atom_feed.h"
#include "report/html_report.h"
#include "report/json_text.h"
#include "report/xlsx_tables.h"

namespace icetrack {

namespace {

struct ExportOptions {
  StoreChoice store;
  std::string format, out;
  std::optional<std::string> at, since;
  std::string lang = "en";
  Language language = Language::English;  // read from `lang`
};

// --at and --since read, or the first that cannot be (its line printed).
bool ParseDates(const ExportOptions& o, UtcTime* before, std::optional<UtcTime>* since) {
  UtcTime now;
  ParseIsoTime(NowUtc(), &now);
  Status s = ParseTimeOption("--at", o.at ? *o.at : "now", now, TimeEdge::End, before);
  if (s.ok() && o.since) s = ParseTimeOption("--since", *o.since, now, TimeEdge::Start, &since->emplace());
  if (s.ok() && *since && (*since)->seconds >= before->seconds)
    s = Status::Error("--since: " + *o.since + " is not before --at");
  if (!s.ok()) std::cerr << "icetrack: " << s.message() << "\n";
  return s.ok();
}

// The history read from the store (left open in `*store`), or the exit code that says why not; the language prepared.
int Gather(ExportOptions& o, HistoryExport* h, std::unique_ptr<Store>* store) {
  UtcTime before;
  std::optional<UtcTime> since;
  if (!ParseDates(o, &before, &since)) return kExitUsage;
  if (Status s = ReadLanguage(o.lang, &o.language); !s.ok()) {
    std::cerr << "icetrack: --lang: " << s.message() << "\n";
    return kExitUsage;
  }
  if (int code = OpenStoreForReading(o.store, store)) return code;
  Status s = GatherHistory(store->get(), before, since, h);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (!h->roster.snapshot) std::cerr << "icetrack: no participating list was published by " << h->at << "\n";
  return kExitOk;
}

Status Write(ExportFormat format, const std::string& out, const HistoryExport& h, Language language) {
  switch (format) {
    case ExportFormat::Csv:
      return ReplaceFolder(out, [&](const std::string& temp) { return WriteCsvFiles(temp, h); });
    case ExportFormat::Json: return WriteFileAtomically(out, ExportJsonText(h));
    case ExportFormat::Xlsx:
      return WriteFileAtomicallyWith(out, [&](const std::string& temp) { return WriteXlsx(temp, ExportTables(h)); });
    case ExportFormat::Atom: {
      AtomOptions feed;
      feed.updated = h.at;
      feed.language = language;
      return WriteFileAtomically(out, AtomFeed(h.events, feed));
    }
    case ExportFormat::Html: {
      HtmlOptions page;
      page.language = language;
      return WriteFileAtomically(out, HtmlIndex(h, page));
    }
  }
  return Status::Error("unknown format");
}

int Finish(const Status& s) {
  if (s.ok()) return kExitOk;
  std::cerr << "icetrack: " << s.message() << "\n";
  return kExitOutput;
}

int RunExport(ExportOptions& o) {
  ExportFormat format;
  if (!ParseExportFormat(o.format, &format)) {
    std::cerr << "icetrack: --format: \"" << o.format << "\" is not a format: write csv, json, xlsx, atom or html\n";
    return kExitUsage;
  }
  HistoryExport h;
  std::unique_ptr<Store> store;
  if (int code = Gather(o, &h, &store)) return code;
  return Finish(Write(format, o.out, h, o.language));
}

int RunReport(ExportOptions& o) {
  HistoryExport h;
  std::unique_ptr<Store> store;
  if (int code = Gather(o, &h, &store)) return code;
  return Finish(WriteReportSite(o.out, h, o.language, store.get()));
}

void AddDateOptions(CLI::App* cmd, ExportOptions* o) {
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--at", o->at, "As of this date or time (see README: dates); default now");
  cmd->add_option("--since", o->since, "The change log from this date or time on; default from the start");
  cmd->add_option("--lang", o->lang, "The pages' and the feed's language: en or es (the data files are the same)")
      ->capture_default_str();
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "The roster, the change log and the counts over time, to a file");
  cmd->add_option("--format", o->format, "csv (a folder of four files), json, xlsx, atom or html")->required();
  cmd->add_option("--out", o->out, "The file (for csv: the folder) to write, whole or not at all")->required();
  AddDateOptions(cmd, o.get());
  cmd->callback([o, exit_code] { *exit_code = RunExport(*o); });
}

void AddReportCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "A static web site of the roster and its changes, to a folder");
  cmd->add_option("--out", o->out, "The folder to write (replaced whole, in one step)")->required();
  AddDateOptions(cmd, o.get());
  cmd->callback([o, exit_code] { *exit_code = RunReport(*o); });
}

}  // namespace icetrack
