#include "app/moa_probe.h"

#include <map>
#include <set>

#include "app/alert_routing.h"
#include "app/ingest.h"
#include "app/moa_text.h"
#include "diff/row_changes.h"
#include "fetcher/download.h"
#include "fetcher/moa_naming.h"
#include "model/utc_time.h"
#include "report/digest.h"

namespace icetrack {
namespace {

constexpr size_t kUrlsPerAgreement = 2;

int64_t SecondsBetween(const std::string& from, const std::string& to) {
  UtcTime a, b;
  if (!ParseIsoTime(from, &a) || !ParseIsoTime(to, &b)) return 0;
  return b.seconds - a.seconds;
}

// The agreements whose link has been pending long enough, and the keys already found.
std::vector<const RosterEntry*> Waiting(const std::vector<RosterEntry>& roster, const MoaArchiveOptions& o,
                                        const std::string& now) {
  std::vector<const RosterEntry*> out;
  for (const RosterEntry& e : roster) {
    const RosterRow& r = e.row;
    bool unlinked = !IsWebLink(r.moa_url) && r.moa_status != LinkStatus::Link;
    if (unlinked && SecondsBetween(e.first_listed, now) >= o.pending_for) out.push_back(&e);
  }
  return out;
}

// Whether `url` is due for a request: never asked, failed, or asked long enough ago.
bool Due(const std::map<std::string, MoaProbe>& probes, const std::string& url, const std::string& now,
         int64_t recheck_after) {
  auto it = probes.find(url);
  if (it == probes.end() || it->second.status == ProbeStatus::Failed) return true;
  return it->second.status != ProbeStatus::Found && SecondsBetween(it->second.checked_at, now) >= recheck_after;
}

// One predicted URL asked for; `probe` says what it answered, `bytes` and `text` a found PDF's.
void Ask(const HttpClient& client, const RosterRow& row, const PdfTextOptions& reader, MoaProbe* probe,
         std::string* bytes, std::string* text) {
  HttpRequest request;
  request.url = probe->url;
  HttpResponse response;
  Status s = client.Fetch(request, RetryBudget(std::chrono::seconds(30)), &response);
  if (response.status >= 400 && response.status < 500) {
    probe->status = ProbeStatus::Absent;
    probe->error = "HTTP " + std::to_string(response.status);
    return;
  }
  if (!s.ok()) {
    probe->status = ProbeStatus::Failed;
    probe->error = s.message();
    return;
  }
  if (!IsPdfBody(response.body)) {
    probe->status = ProbeStatus::Absent;
    probe->error = "not a PDF (HTTP " + std::to_string(response.status) + ")";
    return;
  }
  Status read = ExtractPdfText(response.body, reader, text);
  if (!read.ok()) {
    probe->status = IsMissingProgram(read) ? ProbeStatus::Failed : ProbeStatus::Refused;
    probe->error = read.message();
    return;
  }
  if (!TextNamesAgency(*text, row)) {
    probe->status = ProbeStatus::Refused;
    probe->error = "a PDF that does not name " + row.agency;
    return;
  }
  probe->status = ProbeStatus::Found;
  probe->sha256 = Sha256Hex(response.body);
  probe->error.clear();
  *bytes = std::move(response.body);
}

ChangeEvent FoundEvent(const RosterRow& row, const std::string& url) {
  ChangeEvent e = EventFor(EventKind::MoaFoundUnlinked, ListKind::Participating, row);
  e.moa_url = url;
  e.detail = "ICE posted it before its roster links it: " + url;
  return e;
}

}  // namespace

Status ProbeUnlinkedMoas(Store* store, const HttpClient& client, const MoaArchiveOptions& o,
                         const std::vector<RosterEntry>& roster, Pacer* pace, MoaArchiveReport* out) {
  std::vector<RosterRow> linked;
  std::set<std::string> linked_urls;  // a URL the roster links is no news, whoever predicts it
  for (const RosterEntry& e : roster) {
    if (IsWebLink(e.row.moa_url)) linked.push_back(e.row);
    linked_urls.insert(e.row.moa_url);
    linked_urls.insert(e.row.addendum_url);
  }
  std::vector<const RosterEntry*> waiting = Waiting(roster, o, o.now.empty() ? NowUtc() : o.now);
  if (waiting.empty()) return Status::Ok();
  // Without pdftotext a PDF's names cannot be read: asking would only
  // download the same PDFs again each pass.
  if (Status can = CanReadPdfText(o.text); !can.ok()) {
    out->warning = NoPdfTextWarning(can);
    return Status::Ok();
  }
  MoaNaming naming = LearnMoaNaming(linked);
  std::map<std::string, MoaProbe> probes;
  Status s = store->MoaProbes(&probes);
  std::set<std::string> found;
  for (const auto& [url, p] : probes)
    if (p.status == ProbeStatus::Found) found.insert(p.key);
  for (const RosterEntry* e : waiting) {
    if (found.count(e->row.key)) continue;
    for (const std::string& url : PredictMoaUrls(naming, e->row, kUrlsPerAgreement)) {
      std::string now = o.now.empty() ? NowUtc() : o.now;
      if (!s.ok() || out->tally.probed >= o.max_probes || (o.cancelled && o.cancelled())) return s;
      if (linked_urls.count(url) || !Due(probes, url, now, o.recheck_after)) continue;
      pace->Wait();
      MoaProbe probe{url, e->row.key, ProbeStatus::Failed, "", now, ""};
      std::string bytes, text;
      Ask(client, e->row, o.text, &probe, &bytes, &text);
      ++out->tally.probed;
      std::vector<ChangeEvent> events;
      if (probe.status == ProbeStatus::Found) events.push_back(FoundEvent(e->row, url));
      s = store->RecordMoaProbe(probe, bytes, text, events, RoutesFor(events, o.alerts));
      out->events.insert(out->events.end(), events.begin(), events.end());
      probes[url] = probe;  // another agreement that predicts it does not ask again
      if (probe.status == ProbeStatus::Found) {
        ++out->tally.found_unlinked;
        found.insert(probe.key);
        break;
      }
    }
  }
  return s;
}

}  // namespace icetrack
