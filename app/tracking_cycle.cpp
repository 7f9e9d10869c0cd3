#include "app/tracking_cycle.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "app/totals_check.h"
#include "fetcher/download.h"
#include "fetcher/http_date.h"
#include "fetcher/page.h"

namespace icetrack {
namespace {

// The name a snapshot of the page's roster table goes by.

Validators ValidatorsOf(const std::optional<FetchRecord>& last) {
  if (!last) return {};
  return {last->etag, last->last_modified};
}

// What the fetch log keeps of a download; the caller adds the outcome.
FetchRecord FetchOf(const Download& d, const std::string& at) {
  FetchRecord f;
  f.at = at;
  f.url = d.url;
  f.final_url = d.final_url;
  f.status = d.status;
  f.etag = d.etag;
  f.last_modified = d.last_modified;
  f.bytes = static_cast<int64_t>(d.body.size());
  if (!d.body.empty()) f.sha256 = Sha256Hex(d.body);
  return f;
}

FetchOutcome OutcomeOf(Placement placement) {
  switch (placement) {
    case Placement::Quarantined: return FetchOutcome::Quarantined;
    case Placement::Duplicate: return FetchOutcome::Duplicate;
    case Placement::Accepted:
    case Placement::Late: break;
  }
  return FetchOutcome::Ok;
}

WorkbookResult ResultOf(Placement placement) {
  switch (placement) {
    case Placement::Late: return WorkbookResult::Late;
    case Placement::Quarantined: return WorkbookResult::Quarantined;
    case Placement::Duplicate: return WorkbookResult::Duplicate;
    case Placement::Accepted: break;
  }
  return WorkbookResult::Stored;
}

void Fill(IngestOutcome outcome, WorkbookReport* r) {
  r->result = ResultOf(outcome.result);
  r->list = outcome.list;
  r->snapshot_id = outcome.snapshot_id;
  r->rows = outcome.rows;
  r->previous_rows = outcome.previous_rows;
  r->published_at = outcome.published_at;
  r->events = std::move(outcome.events);
  r->warnings = outcome.warnings.size();
  r->note = outcome.note;
}

WorkbookList LinkNameOf(ListKind list) {
  return list == ListKind::Participating ? WorkbookList::Participating : WorkbookList::Pending;
}

// A workbook downloaded and read, waiting to be recorded.
struct ReadWorkbook {
  size_t index = 0;  // in CycleReport::workbooks
  Download download;
  ParsedRoster parsed;
  FetchRecord fetch;
};

// History runs forwards: the participating list before the pending one (see
// the header), and within a list the older publication first.
bool RecordsBefore(const ReadWorkbook& a, const ReadWorkbook& b) {
  bool a_pending = a.parsed.roster.kind == ListKind::Pending;
  bool b_pending = b.parsed.roster.kind == ListKind::Pending;
  return std::tie(a_pending, a.parsed.published_at) < std::tie(b_pending, b.parsed.published_at);
}

class Cycle {
 public:
  Cycle(Store* store, const HttpClient& client, const CycleOptions& options, CycleReport* report)
      : store_(store), client_(client), options_(options), budget_(options.retry_budget), report_(report) {}

  Status Run();

 private:
  Status ReadPage(const Download& download, FetchRecord* page_fetch);
  Status RunLinks(const Page& page, FetchRecord* page_fetch);
  Status CheckLinkedAgain(const FetchRecord& last, FetchRecord* page_fetch);
  Status ReadAndRecord(const std::vector<WorkbookLink>& links, FetchRecord* page_fetch, FetchOutcome complete);
  Status RunTable(const Page& page, const std::string& base_url, const Download& download,
                  FetchRecord* page_fetch);
  Status ReadLinkedWorkbook(size_t index, std::vector<ReadWorkbook>* ready);
  Status RecordWorkbook(ReadWorkbook* w);
  Status DescribeStored(int64_t snapshot_id, WorkbookReport* r);
  std::vector<ChangeEvent> TotalsCheck(const PackedRoster& roster) const;
  void FindUnlinkedLists();

  Store* store_;
  const HttpClient& client_;
  const CycleOptions& options_;
  RetryBudget budget_;
  CycleReport* report_;
};

Status Cycle::Run() {
  PageReport& page = report_->page;
  page.url = options_.page_url;
  std::optional<FetchRecord> last;
  Status s = store_->LastGoodFetch(page.url, &last);
  if (!s.ok()) return s;
  Download download;
  Status fetched = FetchPage(client_, budget_, page.url, ValidatorsOf(last), &download);
  FetchRecord page_fetch = FetchOf(download, report_->started_at);
  page.final_url = download.final_url;
  page.status = download.status;
  if (!fetched.ok()) {
    page.result = PageResult::FetchFailed;
    page.error = fetched.message();
    page_fetch.outcome = FetchOutcome::Error;
    page_fetch.error = page.error;
  } else if (download.not_modified && last) {
    if (!(s = CheckLinkedAgain(*last, &page_fetch)).ok()) return s;
  } else if (!(s = ReadPage(download, &page_fetch)).ok()) {
    return s;
  }
  // Recorded last: "ok" only once every workbook it links was handled (see the header).
  return store_->RecordFetch(page_fetch);
}

// The page is what it was, but a workbook may have been replaced under the
// same name (ICE's fixed names of early 2025): each one the page linked is
// asked for again, conditionally.
Status Cycle::CheckLinkedAgain(const FetchRecord& last, FetchRecord* page_fetch) {
  report_->page.result = PageResult::NotModified;
  // A 304 need not repeat the validators; the ones it answered stay good.
  if (page_fetch->etag.empty() && page_fetch->last_modified.empty()) {
    page_fetch->etag = last.etag;
    page_fetch->last_modified = last.last_modified;
  }
  page_fetch->links = last.links;
  std::vector<WorkbookLink> links;
  for (const std::string& url : last.links) links.push_back({url, "", WorkbookList::Unknown});
  return ReadAndRecord(links, page_fetch, FetchOutcome::NotModified);
}

Status Cycle::ReadPage(const Download& download, FetchRecord* page_fetch) {
  PageReport& report = report_->page;
  std::string base_url = download.final_url.empty() ? download.url : download.final_url;
  Page page;
  Status parsed = ParsePage(download.body, base_url, &page);
  report.modified_time = page.modified_time;
  report.totals = page.totals;
  report.cut_short = parsed.ok() && !page.complete;
  if (report.cut_short)
    report.error = report.url + ": the page ends before its closing </html> tag (cut short?): " +
                   (page.workbooks.empty() ? "nothing on it is trusted" : "its links were followed") +
                   "; it is fetched in full next run";
  if (parsed.ok() && !page.workbooks.empty()) return RunLinks(page, page_fetch);
  if (parsed.ok() && !page.roster_table.empty() && page.complete) return RunTable(page, base_url, download, page_fetch);
  if (report.cut_short) {
    report.result = PageResult::FetchFailed;
    page_fetch->outcome = FetchOutcome::Incomplete;
    page_fetch->error = report.error;
    return Status::Ok();
  }
  report.result = PageResult::NoRoster;
  report.error = parsed.ok() ? report.url + ": the page has no workbook link and no roster table "
                               "(a block page, or a new layout)"
                             : parsed.message();
  page_fetch->outcome = FetchOutcome::ParseError;
  page_fetch->error = report.error;
  return Status::Ok();
}

Status Cycle::RunLinks(const Page& page, FetchRecord* page_fetch) {
  report_->page.result = PageResult::Links;
  for (const WorkbookLink& link : page.workbooks) page_fetch->links.push_back(link.url);
  Status s = ReadAndRecord(page.workbooks, page_fetch, FetchOutcome::Ok);
  if (!s.ok()) return s;
  FindUnlinkedLists();
  if (report_->page.cut_short) {
    page_fetch->outcome = FetchOutcome::Incomplete;
    page_fetch->error = report_->page.error;
  }
  return Status::Ok();
}

// Downloads and reads every linked workbook, then records them in the order
// history needs. The page's fetch is `complete` when all succeeded, else
// incomplete (so that the next run reads it, and them, again).
Status Cycle::ReadAndRecord(const std::vector<WorkbookLink>& links, FetchRecord* page_fetch,
                            FetchOutcome complete) {
  std::vector<ReadWorkbook> ready;
  for (const WorkbookLink& link : links) {
    WorkbookReport r;
    r.url = link.url;
    r.linked_as = link.list;
    report_->workbooks.push_back(std::move(r));
    Status s = ReadLinkedWorkbook(report_->workbooks.size() - 1, &ready);
    if (!s.ok()) return s;
  }
  std::stable_sort(ready.begin(), ready.end(), RecordsBefore);
  for (ReadWorkbook& w : ready) {
    Status s = RecordWorkbook(&w);
    if (!s.ok()) return s;
  }
  size_t failed = 0;
  for (const WorkbookReport& r : report_->workbooks) failed += Failed(r.result) ? 1 : 0;
  page_fetch->outcome = failed ? FetchOutcome::Incomplete : complete;
  if (failed)
    page_fetch->error = std::to_string(failed) + " of " + std::to_string(report_->workbooks.size()) +
                        " workbooks failed; the page is read again next run";
  return Status::Ok();
}

// Downloads and reads one linked workbook. What comes to nothing (a failure,
// a 304, bytes already stored) is recorded in the fetch log at once; the rest
// joins `ready`.
Status Cycle::ReadLinkedWorkbook(size_t index, std::vector<ReadWorkbook>* ready) {
  WorkbookReport& r = report_->workbooks[index];
  std::optional<FetchRecord> last;
  Status s = store_->LastGoodFetch(r.url, &last);
  if (!s.ok()) return s;
  std::string at = NowUtc();
  Download download;
  Status fetched = DownloadWorkbook(client_, budget_, r.url, ValidatorsOf(last), &download);
  FetchRecord fetch = FetchOf(download, at);
  r.file_name = download.file_name;
  if (!fetched.ok()) {
    r.result = download.not_a_workbook ? WorkbookResult::NotAWorkbook : WorkbookResult::FetchFailed;
    r.error = fetched.message();
    fetch.outcome = download.not_a_workbook ? FetchOutcome::NotAWorkbook : FetchOutcome::Error;
    fetch.error = r.error;
    return store_->RecordFetch(fetch);
  }
  if (download.not_modified) {
    r.result = WorkbookResult::NotModified;
    fetch.outcome = FetchOutcome::NotModified;
    fetch.snapshot_id = last ? last->snapshot_id : 0;  // the snapshot it still is
    if (!(s = DescribeStored(fetch.snapshot_id, &r)).ok()) return s;
    return store_->RecordFetch(fetch);
  }
  std::optional<SnapshotInfo> existing;
  if (!(s = store_->FindSnapshot(fetch.sha256, &existing)).ok()) return s;
  if (existing) {  // no need to read it again
    r.result = WorkbookResult::Duplicate;
    fetch.outcome = FetchOutcome::Duplicate;
    fetch.snapshot_id = existing->id;
    if (!(s = DescribeStored(existing->id, &r)).ok()) return s;
    return store_->RecordFetch(fetch);
  }
  ParsedRoster parsed;
  Status read = ParseWorkbook(download.body, r.url, options_.ingest.limits, &parsed);
  if (!read.ok()) {
    r.result = WorkbookResult::ParseFailed;
    r.error = read.message();
    fetch.outcome = FetchOutcome::ParseError;
    fetch.error = r.error;
    return store_->RecordFetch(fetch);
  }
  r.list = parsed.roster.kind;
  ready->push_back({index, std::move(download), std::move(parsed), std::move(fetch)});
  return Status::Ok();
}

Status Cycle::RecordWorkbook(ReadWorkbook* w) {
  WorkbookReport& r = report_->workbooks[w->index];
  IngestInput input;
  input.bytes = std::move(w->download.body);
  input.source_name = w->download.file_name;
  input.label = r.url;
  input.source_url = r.url;
  input.source = SnapshotSource::Live;
  input.http_last_modified = HttpDateToIso(w->download.last_modified);
  input.observed_at = w->fetch.at;
  input.page_events = TotalsCheck(w->parsed.roster);
  IngestOutcome outcome;
  Status s = IngestParsed(store_, input, w->parsed, options_.ingest, &outcome);
  if (!s.ok()) return s;
  w->fetch.outcome = OutcomeOf(outcome.result);
  w->fetch.snapshot_id = outcome.snapshot_id;
  Fill(std::move(outcome), &r);
  return store_->RecordFetch(w->fetch);
}

// The pre-2025 layout: the page itself holds the participating list. Only the
// table's markup is kept, so that an unchanged table is a duplicate although
// the page around it changes.
Status Cycle::RunTable(const Page& page, const std::string& base_url, const Download& download,
                       FetchRecord* page_fetch) {
  report_->page.result = PageResult::Table;
  WorkbookReport r;
  r.url = report_->page.url;
  r.file_name = kPageTableName;
  r.linked_as = WorkbookList::Participating;
  ParsedRoster parsed;
  Status read = RosterFromPage(page, base_url, &parsed);
  if (!read.ok()) {
    r.result = WorkbookResult::ParseFailed;
    r.error = read.message();
    page_fetch->outcome = FetchOutcome::ParseError;
    page_fetch->error = r.error;
    report_->workbooks.push_back(std::move(r));
    return Status::Ok();
  }
  IngestInput input;
  input.bytes = page.roster_table_html.empty() ? download.body : page.roster_table_html;
  input.source_name = kPageTableName;
  input.label = r.url;
  input.source_url = base_url;  // what its links resolve against, should it be read again
  input.source = SnapshotSource::Live;
  input.http_last_modified = HttpDateToIso(download.last_modified);
  input.observed_at = page_fetch->at;
  input.page_events = TotalsCheck(parsed.roster);
  IngestOutcome outcome;
  Status s = IngestParsed(store_, input, parsed, options_.ingest, &outcome);
  if (!s.ok()) return s;
  page_fetch->outcome = OutcomeOf(outcome.result);
  page_fetch->snapshot_id = outcome.snapshot_id;
  Fill(std::move(outcome), &r);
  report_->workbooks.push_back(std::move(r));
  return Status::Ok();
}

// For a workbook that was not read this time: what its stored snapshot is.
Status Cycle::DescribeStored(int64_t snapshot_id, WorkbookReport* r) {
  r->snapshot_id = snapshot_id;
  if (snapshot_id == 0) return Status::Ok();
  SnapshotInfo info;
  Status s = store_->GetSnapshot(snapshot_id, &info, nullptr);
  if (!s.ok()) return s;
  r->list = info.list;
  r->rows = static_cast<size_t>(info.rows);
  r->published_at = info.published_at;
  if (r->file_name.empty()) r->file_name = info.source_name;
  return Status::Ok();
}

// The page's totals against `roster`: the totals_mismatch to record with it, if any.
std::vector<ChangeEvent> Cycle::TotalsCheck(const PackedRoster& roster) const {
  std::optional<ChangeEvent> mismatch = CheckTotals(report_->page.totals, roster);
  if (!mismatch) return {};
  return {std::move(*mismatch)};
}

// A list is linked when a workbook is known to hold it or, unread, was linked as it.
void Cycle::FindUnlinkedLists() {
  for (ListKind list : {ListKind::Participating, ListKind::Pending}) {
    bool linked = false;
    for (const WorkbookReport& r : report_->workbooks)
      linked = linked || (r.list ? *r.list == list : r.linked_as == LinkNameOf(list));
    if (!linked) report_->not_linked.push_back(list);
  }
}

}  // namespace

const char* ToString(PageResult result) {
  switch (result) {
    case PageResult::Links: return "links";
    case PageResult::Table: return "table";
    case PageResult::NotModified: return "not_modified";
    case PageResult::NoRoster: return "no_roster";
    case PageResult::FetchFailed: break;
  }
  return "fetch_error";
}

bool Failed(WorkbookResult result) {
  return result == WorkbookResult::FetchFailed || result == WorkbookResult::NotAWorkbook ||
         result == WorkbookResult::ParseFailed;
}

const char* ToString(WorkbookResult result) {
  switch (result) {
    case WorkbookResult::Stored: return "stored";
    case WorkbookResult::Late: return "late";
    case WorkbookResult::Quarantined: return "quarantined";
    case WorkbookResult::Duplicate: return "duplicate";
    case WorkbookResult::NotModified: return "not_modified";
    case WorkbookResult::NotAWorkbook: return "not_a_workbook";
    case WorkbookResult::ParseFailed: return "parse_error";
    case WorkbookResult::FetchFailed: break;
  }
  return "fetch_error";
}

bool CycleReport::fetch_failed() const {
  if (page.result == PageResult::FetchFailed || page.cut_short) return true;
  for (const WorkbookReport& r : workbooks) {
    if (r.result == WorkbookResult::FetchFailed || r.result == WorkbookResult::NotAWorkbook) return true;
  }
  return false;
}

bool CycleReport::parse_failed() const {
  if (page.result == PageResult::NoRoster) return true;
  for (const WorkbookReport& r : workbooks) {
    if (r.result == WorkbookResult::ParseFailed) return true;
  }
  return false;
}

std::vector<std::string> CycleReport::errors() const {
  std::vector<std::string> lines;
  if (!page.error.empty()) lines.push_back(page.error);
  for (const WorkbookReport& r : workbooks) {
    if (!r.error.empty()) lines.push_back(r.error);
  }
  return lines;
}

Status RunTrackingCycle(Store* store, const HttpClient& client, const CycleOptions& options,
                        CycleReport* out) {
  *out = CycleReport();
  out->started_at = NowUtc();
  Status s = Cycle(store, client, options, out).Run();
  out->finished_at = NowUtc();
  return s;
}

}  // namespace icetrack
