#include "app/source_check.h"

#include <map>

#include "app/alert_routing.h"
#include "diff/source_health.h"

namespace icetrack {
namespace {

struct SourceRun {
  std::string source;
  bool failed = false;
  std::string error;
};

std::vector<SourceRun> RunsOf(const CycleReport& report) {
  const PageReport& page = report.page;
  bool page_failed = page.result == PageResult::FetchFailed || page.result == PageResult::NoRoster || page.cut_short;
  std::vector<SourceRun> runs = {{page.url, page_failed, page.error}};
  if (report.workbooks.empty()) return runs;
  SourceRun workbooks{WorkbooksSource(page.url), false, ""};
  for (const WorkbookReport& w : report.workbooks) {
    if (!Failed(w.result) || workbooks.failed) continue;
    workbooks.failed = true;
    workbooks.error = w.error;
  }
  runs.push_back(workbooks);
  return runs;
}

}  // namespace

std::string WorkbooksSource(const std::string& page_url) { return "the workbooks linked from " + page_url; }

Status CheckSources(Store* store, int failing_after, const std::vector<AlertTarget>& alerts, CycleReport* report) {
  std::map<std::string, SourceHealth> health;
  std::vector<ChangeEvent> notices;
  for (const SourceRun& run : RunsOf(*report)) {
    SourceHealth before;
    Status s = store->GetSourceHealth(run.source, &before);
    if (!s.ok()) return s;
    std::optional<ChangeEvent> notice = NextSourceHealth(run.source, before, run.failed, run.error,
                                                         report->started_at, failing_after, &health[run.source]);
    if (notice) notices.push_back(std::move(*notice));
  }
  Status s = store->RecordSourceHealth(health, notices, report->started_at, RoutesFor(notices, alerts));
  if (!s.ok()) return s;
  report->notices = std::move(notices);
  return Status::Ok();
}

}  // namespace icetrack
