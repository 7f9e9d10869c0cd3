#include "app/report_site.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <set>
#include <thread>

#include "app/history_gather.h"
#include "app/ingest.h"
#include "app/output_file.h"
#include "report/atom_feed.h"
#include "report/html_report.h"
#include "report/json_text.h"
#include "report/xlsx_tables.h"

namespace icetrack {

namespace {

Status MakeFolder(const std::string& path) {
  if (mkdir(path.c_str(), 0755) == 0) return Status::Ok();
  return Status::Error(path + ": cannot make the folder: " + std::strerror(errno));
}

Status WritePages(const std::string& dir, const HistoryExport& h, Language language) {
  HtmlOptions o;
  o.site = true;
  o.language = language;
  Status s = WriteFileAtomically(dir + "/index.html", HtmlIndex(h, o));
  if (s.ok()) s = MakeFolder(dir + "/state");
  for (const std::string& code : HtmlStates(h)) {
    if (s.ok()) s = WriteFileAtomically(dir + "/state/" + code + ".html", HtmlStatePage(h, code, o));
  }
  return s;
}

// Whether the run changed what the site shows.
bool Changed(const CycleReport& run) {
  if (!run.notices.empty()) return true;
  for (const WorkbookReport& w : run.workbooks) {
    if (w.result == WorkbookResult::Stored || w.result == WorkbookResult::Late ||
        w.result == WorkbookResult::Quarantined || !w.events.empty())
      return true;
  }
  return false;
}

// Seconds since the site's index was written; nullopt when there is none.
std::optional<int64_t> SiteAge(const std::string& dir, UtcTime now) {
  struct stat st;
  if (stat((dir + "/index.html").c_str(), &st) != 0) return std::nullopt;
  return now.seconds - static_cast<int64_t>(st.st_mtime);
}

constexpr int64_t kSiteMaxAge = 86400;

// The kept documents into `temp`/moa: a hard link to the copy in the site
// being replaced (`dir`) when it has one, else the bytes from the store.
Status WriteDocuments(Store* store, const std::string& dir, const std::string& temp, const HistoryExport& h) {
  if (h.documents.empty()) return Status::Ok();
  Status s = MakeFolder(temp + "/moa");
  std::set<std::string> done;
  for (const auto& [url, doc] : h.documents) {
    if (!s.ok()) break;
    if (!done.insert(doc.path).second) continue;
    if (link((dir + "/" + doc.path).c_str(), (temp + "/" + doc.path).c_str()) == 0) continue;
    std::string bytes;
    s = store->MoaFile(doc.sha256, &bytes);
    if (s.ok()) s = WriteFileAtomically(temp + "/" + doc.path, bytes);
  }
  return s;
}

}  // namespace

Status WriteCsvFiles(const std::string& dir, const HistoryExport& h) {
  Status s;
  for (const auto& [name, text] : ExportCsvFiles(h)) {
    if (s.ok()) s = WriteFileAtomically(dir + "/" + name, text);
  }
  return s;
}

Status WriteReportSite(const std::string& dir, const HistoryExport& h, Language language, Store* store) {
  return ReplaceFolder(dir, [&](const std::string& temp) {
    // The workbook takes as long as all the rest (zlib, libxlsxwriter's
    // printf): it is written on a second thread meanwhile. Both only read `h`.
    Status xlsx;
    std::thread workbook([&] { xlsx = WriteXlsx(temp + "/icetrack.xlsx", ExportTables(h)); });
    AtomOptions feed;
    feed.updated = h.at;
    feed.language = language;
    Status s = WritePages(temp, h, language);
    if (s.ok()) s = WriteFileAtomically(temp + "/feed.xml", AtomFeed(h.events, feed));
    if (s.ok()) s = WriteFileAtomically(temp + "/export.json", ExportJsonText(h));
    if (s.ok()) s = MakeFolder(temp + "/csv");
    if (s.ok()) s = WriteCsvFiles(temp + "/csv", h);
    if (s.ok() && store) s = WriteDocuments(store, dir, temp, h);
    workbook.join();
    return s.ok() ? xlsx : s;
  });
}

Status RefreshReportSite(Store* store, const std::string& dir, Language language, const CycleReport& run,
                         bool other_events, bool* written) {
  *written = false;
  UtcTime now;
  ParseIsoTime(NowUtc(), &now);
  std::optional<int64_t> age = SiteAge(dir, now);
  if (!Changed(run) && !other_events && age && *age < kSiteMaxAge) return Status::Ok();
  HistoryExport h;
  Status s = GatherHistory(store, UtcTime{now.seconds + 1}, std::nullopt, &h);
  if (s.ok()) s = WriteReportSite(dir, h, language, store);
  *written = s.ok();
  return s;
}

}  // namespace icetrack
