#include "app/backfill_command.h"

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>

#include "app/exit_codes.h"
#include "app/ingest.h"
#include "app/moa_archive.h"
#include "app/option_values.h"
#include "app/progress_bar.h"
#include "app/rebuild.h"
#include "app/rules.h"
#include "app/store_option.h"
#include "app/time_option.h"
#include "app/wayback_sources.h"
#include "fetcher/download.h"
#include "fetcher/http_date.h"
#include "fetcher/pacer.h"
#include "fetcher/page.h"
#include "fetcher/wayback.h"
#include "report/moa_format.h"
#include "store/instance_lock.h"

namespace icetrack {
namespace {

struct BackfillOptions {
  StoreChoice store;
  RuleFlags rules;
  bool wayback = false;
  std::string archive = kWaybackUrl;
  std::optional<std::string> from, to;
  std::string sources;  // "" = DefaultWaybackSources()
  std::optional<std::string> contact;  // else [source] contact, else the default
  double delay = 1;     // seconds between two requests to the archive
  double timeout = 120;
  bool quiet = false;
  bool archive_moa = false;  // or [source] archive_moa
};

// What a backfill did, for its summary.
struct Tally {
  int listed = 0, new_captures = 0, fetched = 0, refused = 0, failed = 0;
  int recorded = 0, duplicates = 0, late = 0;
  bool index_failed = false;
};

// "20250221000000" for a date option; "" when not given.
Status CdxDate(const char* option, const std::optional<std::string>& text, TimeEdge edge, std::string* out) {
  out->clear();
  if (!text) return Status::Ok();
  UtcTime now, when;
  ParseIsoTime(NowUtc(), &now);
  Status s = ParseTimeOption(option, *text, now, edge, &when);
  if (s.ok()) *out = CdxTimestamp(when);
  return s;
}

// Asks the index about every source; the captures that may be workbooks
// (of a [[workbooks]] source) or pages (of a [[pages]] one) go to the store.
// Fails only when the store does; an index that cannot be read is said and counted.
Status FindCaptures(const HttpClient& client, Store* store, const BackfillOptions& o, const WaybackSources& sources,
                    Pacer* pace, Tally* t) {
  std::vector<std::pair<CdxQuery, bool>> all;  // bool: pages
  for (const CdxQuery& q : sources.workbooks) all.push_back({q, false});
  for (const CdxQuery& q : sources.pages) all.push_back({q, true});
  for (const auto& [source, pages] : all) {
    pace->Wait();
    HttpResponse response;
    std::string url = CdxQueryUrl(o.archive, source);
    HttpRequest request;
    request.url = url;
    Status s = client.Fetch(request, RetryBudget(std::chrono::minutes(5)), &response);
    std::vector<ArchiveCapture> found, kept;
    if (s.ok()) s = ParseCdx(response.body, &found);
    if (!s.ok()) {
      std::cerr << "icetrack: " << url << ": " << s.message() << "\n";
      t->index_failed = true;
      continue;
    }
    for (ArchiveCapture& c : found) {
      if (pages ? IsPageCapture(c.mimetype) : MayBeWorkbook(c.mimetype)) kept.push_back(std::move(c));
    }
    int added = 0;
    if (!(s = store->AddCaptures(kept, &added)).ok()) return s;
    t->listed += static_cast<int>(kept.size());
    t->new_captures += added;
  }
  return Status::Ok();
}

// Downloads one capture and keeps its bytes; its new status says how it went.
Status FetchCapture(const HttpClient& client, Store* store, const BackfillOptions& o, ArchiveCapture* c) {
  Download d;
  RetryBudget budget(std::chrono::minutes(5));
  std::string url = CaptureUrl(o.archive, *c);
  Status s = IsPageCapture(c->mimetype) ? FetchPage(client, budget, url, {}, &d) : DownloadWorkbook(client, budget, url, {}, &d);
  if (!s.ok()) {
    c->status = d.not_a_workbook ? CaptureStatus::Refused : CaptureStatus::Failed;
    c->error = s.message();
    return store->UpdateCapture(*c);
  }
  c->sha256 = Sha256Hex(d.body);
  if (!(s = store->KeepWorkbook(c->sha256, d.body)).ok()) return s;
  c->status = CaptureStatus::Fetched;
  c->last_modified = d.last_modified;  // the original's, as the archive replays it
  c->error.clear();
  return store->UpdateCapture(*c);
}

// A page's roster table, read for recording: its markup becomes the bytes
// kept. Fails when the page holds none (since 2025 ICE's page links
// workbooks, which come from the [[workbooks]] sources).
Status ReadPageTable(const ArchiveCapture& c, IngestInput* input, ParsedRoster* parsed) {
  Page page;
  Status s = ParsePage(input->bytes, c.url, &page);
  if (s.ok() && page.roster_table.empty()) s = Status::Error(c.url + ": the page holds no roster table");
  if (s.ok()) s = RosterFromPage(page, c.url, parsed);
  if (!s.ok()) return s;
  input->bytes = page.roster_table_html;
  input->source_name = kPageTableName;
  return Status::Ok();
}

// Reads a fetched capture's roster: a workbook, or a page's table (whose
// markup becomes the bytes kept). A failure here is the capture's, never the store's.
Status ReadCapture(const ArchiveCapture& c, const ZipLimits& limits, IngestInput* input, ParsedRoster* parsed) {
  input->label = c.url + " (captured " + CaptureTime(c.timestamp) + ")";
  if (!IsStoredWorkbook(input->bytes)) return ReadPageTable(c, input, parsed);
  input->source_name = UrlFileName(c.url);
  return ParseWorkbook(input->bytes, input->label, limits, parsed);
}

// Records one fetched capture as an archived publication; one that does not
// read as a roster is set aside for good. Fails only when the store does.
Status RecordCapture(Store* store, const IngestOptions& ingest, ArchiveCapture* c, Tally* t) {
  IngestInput input;
  Status s = store->WorkbookBytes(c->sha256, &input.bytes);
  if (!s.ok()) return s;
  ParsedRoster parsed;
  Status read = ReadCapture(*c, ingest.limits, &input, &parsed);
  if (!read.ok()) {
    c->status = CaptureStatus::Refused;
    c->error = read.message();
    ++t->refused;
    return store->UpdateCapture(*c);
  }
  input.source_url = c->url;
  input.source = SnapshotSource::Archived;
  input.observed_at = CaptureTime(c->timestamp);
  input.http_last_modified = HttpDateToIso(c->last_modified);
  IngestOutcome outcome;
  if (!(s = IngestParsed(store, input, parsed, ingest, &outcome)).ok()) return s;
  if (outcome.result == Placement::Duplicate) ++t->duplicates;
  else ++t->recorded;
  if (outcome.result == Placement::Late) ++t->late;
  c->status = CaptureStatus::Stored;
  c->snapshot_id = outcome.snapshot_id;
  return store->UpdateCapture(*c);
}

// Downloads what is not downloaded yet, then records what is downloaded, oldest capture first.
Status WorkThrough(const HttpClient& client, Store* store, const BackfillOptions& o, const IngestOptions& ingest,
                   Pacer* pace, Tally* t) {
  std::vector<ArchiveCapture> captures;
  Status s = store->Captures(&captures);
  size_t done = 0;
  for (ArchiveCapture& c : captures) {
    if (!s.ok()) return s;
    ShowProgress(done++, captures.size(), UrlFileName(c.url));
    if (c.status == CaptureStatus::Found || c.status == CaptureStatus::Failed) {
      pace->Wait();
      s = FetchCapture(client, store, o, &c);
      if (c.status == CaptureStatus::Fetched) ++t->fetched;
      if (c.status == CaptureStatus::Refused) ++t->refused;
      if (c.status == CaptureStatus::Failed) ++t->failed;
      if (c.status != CaptureStatus::Fetched && s.ok() && !o.quiet) {
        ClearProgress();
        std::cerr << "icetrack: " << c.error << (c.status == CaptureStatus::Failed ? " (asked for again next time)" : "")
                  << "\n";
      }
    }
    if (s.ok() && c.status == CaptureStatus::Fetched) {
      s = RecordCapture(store, ingest, &c, t);
      if (s.ok() && c.status == CaptureStatus::Refused && !o.quiet) {
        ClearProgress();
        std::cerr << "icetrack: " << c.error << "\n";
      }
    }
  }
  ClearProgress();
  return s;
}

void PrintSummary(const Tally& t, const RebuildReport* rebuild) {
  std::cout << "backfill: " << t.listed << " captures listed (" << t.new_captures << " new), " << t.fetched
            << " downloaded, " << t.refused << " set aside (no roster in them), " << t.failed << " failed; " << t.recorded
            << " publications recorded, " << t.duplicates << " already stored\n";
  if (rebuild)
    std::cout << "placed " << t.late << " earlier publications in history: " << rebuild->added.size() << " events added, "
              << rebuild->disappeared.size() << " gone\n";
}

int RunBackfill(const BackfillOptions& o) {
  if (!o.wayback) {
    std::cerr << "icetrack: backfill: say where from: --wayback (the Internet Archive)\n";
    return kExitUsage;
  }
  CdxQuery range;
  Status s = CdxDate("--from", o.from, TimeEdge::Start, &range.from);
  if (s.ok()) s = CdxDate("--to", o.to, TimeEdge::End, &range.to);
  std::string sources_file = o.sources.empty() ? DefaultWaybackSources() : o.sources;
  WaybackSources sources;
  if (s.ok() && sources_file.empty()) s = Status::Error("no wayback-sources.toml installed: give one with --sources");
  if (s.ok()) s = ReadWaybackSources(sources_file, &sources);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitUsage;
  }
  for (std::vector<CdxQuery>* list : {&sources.workbooks, &sources.pages}) {
    for (CdxQuery& q : *list) {
      q.from = range.from;
      q.to = range.to;
    }
  }
  Config config;
  IngestOptions ingest;
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  if (int code = OpenConfiguredStore(o.store, &o.rules, &ingest, &config, &lock, &store)) return code;
  HttpClientOptions http;
  http.user_agent = UserAgent(ICETRACK_VERSION, o.contact ? *o.contact : config.contact.value_or(ICETRACK_CONTACT));
  http.total_timeout = std::chrono::milliseconds(std::llround(o.timeout * 1000));
  HttpClient client(http);
  Pacer pace(o.delay);
  Tally t;
  s = FindCaptures(client, store.get(), o, sources, &pace, &t);
  if (s.ok()) s = WorkThrough(client, store.get(), o, ingest, &pace, &t);
  RebuildReport report;
  if (s.ok() && t.late > 0) s = RebuildChangeLog(store.get(), ingest, &report, ShowProgress);
  ClearProgress();
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << " (what was recorded stays; run backfill again to carry on)\n";
    return kExitStore;
  }
  PrintSummary(t, t.late > 0 ? &report : nullptr);
  if (o.archive_moa || config.archive_moa) {
    // The MOAs of the roster as it stands now: the documents at ICE's links, not the archive's copies.
    MoaArchiveOptions moa;
    moa.delay = o.delay;
    MoaArchiveReport archived;
    if (!(s = ArchiveMoas(store.get(), client, moa, &archived)).ok()) {
      std::cerr << "icetrack: " << s.message() << "\n";
      return kExitStore;
    }
    std::cout << MoaTallyLine(archived.tally) << "\n";
    if (!archived.warning.empty()) std::cerr << "icetrack: warning: " << archived.warning << "\n";
  }
  return t.index_failed || t.failed ? kExitFetch : kExitOk;
}

}  // namespace

void AddBackfillCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<BackfillOptions>();
  CLI::App* cmd = app.add_subcommand(
      "backfill", "The history before icetrack was installed: ICE's workbooks as the Internet Archive kept them");
  AddStoreOptions(cmd, &o->store);
  AddRuleOptions(cmd, &o->rules);
  cmd->add_flag("--wayback", o->wayback, "From the Internet Archive's Wayback Machine");
  cmd->add_option("--from", o->from, "Captures from this date or time on (see README: dates)");
  cmd->add_option("--to", o->to, "Captures up to and including this date or time");
  cmd->add_option("--wayback-url", o->archive, "The archive's address")->capture_default_str();
  cmd->add_option("--sources", o->sources, "The places to ask about (default: the installed wayback-sources.toml)")
      ->check(NonEmptyPath());
  cmd->add_option("--contact", o->contact, "URL or address named in the User-Agent ([source] contact)");
  cmd->add_option("--delay", o->delay, "Seconds between two requests to the archive")
      ->check(Within(0.0, 600.0))->capture_default_str();
  cmd->add_option("--timeout", o->timeout, "Seconds one download may take")->check(Within(0.001, 3600.0))->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "Print only the summary and errors");
  cmd->add_flag("--archive-moa", o->archive_moa,
                "Then download the MOA documents the roster links ([source] archive_moa)");
  cmd->callback([o, exit_code] { *exit_code = RunBackfill(*o); });
}

}  // namespace icetrack
