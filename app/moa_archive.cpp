#include "app/moa_archive.h"

#include <map>

#include "app/alert_routing.h"
#include "app/ingest.h"
#include "app/moa_probe.h"
#include "diff/row_changes.h"
#include "fetcher/download.h"
#include "fetcher/pacer.h"
#include "model/utc_time.h"
#include "report/digest.h"

namespace icetrack {
namespace {

// The participating list as it stands at `now`.
Status CurrentRoster(Store* store, const std::string& now, std::vector<RosterEntry>* entries) {
  RosterQuery query;
  ParseIsoTime(now, &query.before);
  query.before.seconds += 1;
  std::optional<SnapshotInfo> snapshot;
  return store->RosterAt(query, &snapshot, entries);
}

// Its rows by the documents they link: a document linked from two rows (an
// agency's two models) tells of both.
std::map<std::string, std::vector<RosterRow>> LinkedDocuments(const std::vector<RosterEntry>& entries) {
  std::map<std::string, std::vector<RosterRow>> out;
  for (const RosterEntry& e : entries) {
    for (const std::string* url : {&e.row.moa_url, &e.row.addendum_url}) {
      if (IsWebLink(*url)) out[*url].push_back(e.row);
    }
  }
  return out;
}

// Reads the text of every stored document that has none yet. Without
// pdftotext, stops and says so: the texts are read on a later pass.
Status ReadTexts(Store* store, const MoaArchiveOptions& o, MoaArchiveReport* out) {
  std::vector<std::string> unread;
  Status s = store->MoaFilesWithoutText(&unread);
  if (unread.size() > static_cast<size_t>(o.max_texts)) unread.resize(static_cast<size_t>(o.max_texts));
  if (Status can = unread.empty() ? Status::Ok() : CanReadPdfText(o.text); !can.ok()) {
    out->warning = NoPdfTextWarning(can);
    return s;
  }
  PdfTextOptions reader = o.text;
  reader.cancelled = o.cancelled;
  for (const std::string& sha : unread) {
    std::string bytes, text;
    if (s.ok()) s = store->MoaFile(sha, &bytes);
    if (!s.ok() || (o.cancelled && o.cancelled())) break;
    Status read = ExtractPdfText(bytes, reader, &text);
    if (o.cancelled && o.cancelled()) break;  // stopped: not the document's fault
    if (IsMissingProgram(read)) {
      out->warning = NoPdfTextWarning(read);
      break;
    }
    ++(read.ok() ? out->tally.texts : out->tally.unreadable);
    s = store->RecordMoaText(sha, text, read.ok() ? "" : read.message(), o.now.empty() ? NowUtc() : o.now);
  }
  return s;
}

// Whether a known document is due for another check.
bool Due(const MoaDocument& d, const std::string& now, int64_t recheck_after) {
  if (d.status == DocumentStatus::Failed) return true;
  UtcTime checked, at;
  if (!ParseIsoTime(d.checked_at, &checked) || !ParseIsoTime(now, &at)) return true;
  return at.seconds - checked.seconds >= recheck_after;
}

// The event about a document, told of the row that links it.
ChangeEvent EventAbout(EventKind kind, const RosterRow& row, const std::string& url) {
  ChangeEvent e = EventFor(kind, ListKind::Participating, row);
  e.moa_url = url;  // the addendum's, when it is the addendum
  return e;
}

// One document asked for; `doc` updated, `bytes` the PDF when one came, `events` what it tells.
void Check(const HttpClient& client, const std::vector<RosterRow>& rows, MoaDocument* doc, std::string* bytes,
           std::vector<ChangeEvent>* events, MoaArchiveReport* report) {
  HttpRequest request;
  request.url = doc->url;
  if (doc->status == DocumentStatus::Ok) {
    request.if_none_match = doc->etag;
    request.if_modified_since = doc->last_modified;
  }
  HttpResponse response;
  Status s = client.Fetch(request, RetryBudget(std::chrono::minutes(2)), &response);
  ++report->tally.checked;
  DocumentStatus was = doc->status;
  if (response.status == 404 || response.status == 410) {
    doc->status = DocumentStatus::Missing;
    doc->error = "HTTP " + std::to_string(response.status);
    ++report->tally.missing;
    if (was != DocumentStatus::Missing)
      for (const RosterRow& row : rows) events->push_back(EventAbout(EventKind::MoaMissing, row, doc->url));
    return;
  }
  if (!s.ok()) {
    doc->status = DocumentStatus::Failed;
    doc->error = s.message();
    ++report->tally.failed;
    return;
  }
  if (response.not_modified()) {
    doc->error.clear();
    ++report->tally.unchanged;
    return;
  }
  if (!IsPdfBody(response.body)) {
    doc->status = DocumentStatus::Refused;
    doc->error = doc->url + ": not a PDF (HTTP " + std::to_string(response.status) + ", " +
                 std::to_string(response.body.size()) + " bytes)";
    ++report->tally.refused;
    return;
  }
  std::string sha = Sha256Hex(response.body);
  if (!doc->sha256.empty() && doc->sha256 != sha) {
    for (const RosterRow& row : rows) {
      ChangeEvent e = EventAbout(EventKind::MoaDocumentChanged, row, doc->url);
      e.changes.push_back({"moa_document", doc->sha256.substr(0, 12), sha.substr(0, 12)});
      e.detail = "the document at this link changed: " + std::to_string(response.body.size()) + " bytes now";
      events->push_back(std::move(e));
    }
  }
  if (doc->sha256 == sha) ++report->tally.unchanged;
  else ++report->tally.kept;
  doc->status = DocumentStatus::Ok;
  doc->sha256 = sha;
  doc->etag = response.etag();
  doc->last_modified = response.last_modified();
  doc->error.clear();
  *bytes = std::move(response.body);
}

}  // namespace

Status ArchiveMoas(Store* store, const HttpClient& client, const MoaArchiveOptions& o, MoaArchiveReport* out) {
  *out = MoaArchiveReport();
  std::vector<RosterEntry> roster;
  std::map<std::string, MoaDocument> known;
  Status s = CurrentRoster(store, o.now.empty() ? NowUtc() : o.now, &roster);
  if (s.ok()) s = store->MoaDocuments(&known);
  std::map<std::string, std::vector<RosterRow>> linked = LinkedDocuments(roster);
  Pacer pace(o.delay);
  for (const auto& [url, rows] : linked) {
    if (!s.ok() || (o.cancelled && o.cancelled())) break;
    std::string now = o.now.empty() ? NowUtc() : o.now;
    auto it = known.find(url);
    MoaDocument doc = it == known.end() ? MoaDocument() : it->second;
    if (it != known.end() && !Due(doc, now, o.recheck_after)) continue;
    pace.Wait();
    doc.url = url;
    doc.checked_at = now;
    if (doc.first_checked.empty()) doc.first_checked = now;
    std::string bytes;
    std::vector<ChangeEvent> events;
    Check(client, rows, &doc, &bytes, &events, out);
    s = store->RecordMoaCheck(doc, bytes, events, RoutesFor(events, o.alerts));
    out->events.insert(out->events.end(), events.begin(), events.end());
  }
  if (s.ok()) s = ProbeUnlinkedMoas(store, client, o, roster, &pace, out);
  if (s.ok()) s = ReadTexts(store, o, out);
  return s;
}

}  // namespace icetrack
