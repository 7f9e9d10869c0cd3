#include "app/cycle_summary.h"


namespace icetrack {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

Json OrNull(const std::optional<int>& n) { return n ? Json(*n) : Json(); }

// The list a workbook holds; unread, what the page linked it as, marked "?".
std::string ListLabel(const WorkbookReport& r) {
  if (r.list) return ToString(*r.list);
  if (r.linked_as == WorkbookList::Unknown) return "workbook";
  return std::string(ToString(r.linked_as)) + "?";
}

std::string EventsText(const std::vector<ChangeEvent>& events) {
  std::string summary = SummarizeEvents(events);
  return summary.empty() ? "no changes" : summary;
}

std::string OutcomeText(const WorkbookReport& r) {
  std::string id = "#" + std::to_string(r.snapshot_id);
  switch (r.result) {
    case WorkbookResult::Stored:
      return id + " stored, " + std::to_string(r.rows) + " rows (" + std::to_string(r.previous_rows) +
             " before): " + EventsText(r.events);
    case WorkbookResult::Late: return id + " kept without events: " + r.note;
    case WorkbookResult::Quarantined:
      return id + " quarantined: " + r.note + "; review it, then `icetrack accept " +
             std::to_string(r.snapshot_id) + "`";
    case WorkbookResult::Duplicate: return "unchanged (" + id + ")";
    case WorkbookResult::NotModified:
      return r.snapshot_id ? "not modified (" + id + ")" : std::string("not modified");
    case WorkbookResult::NotAWorkbook: return "not a workbook (see the error)";
    case WorkbookResult::ParseFailed: return "could not be read (see the error)";
    case WorkbookResult::FetchFailed: break;
  }
  return "download failed (see the error)";
}

std::string PageLine(const CycleReport& report) {
  const PageReport& page = report.page;
  std::string line = "page " + page.url + ": ";
  switch (page.result) {
    case PageResult::Links:
      line += "HTTP " + std::to_string(page.status) + ", " + std::to_string(report.workbooks.size()) +
              (report.workbooks.size() == 1 ? " workbook" : " workbooks");
      break;
    case PageResult::Table:
      line += "HTTP " + std::to_string(page.status) + ", the roster as an HTML table";
      break;
    case PageResult::NotModified:
      return line + "not modified since the last complete run; " + std::to_string(report.workbooks.size()) +
             (report.workbooks.size() == 1 ? " workbook" : " workbooks") + " it linked asked for again";
    case PageResult::NoRoster: return line + "no workbook link and no roster table (see the error)";
    case PageResult::FetchFailed: return line + "download failed (see the error)";
  }
  if (!page.totals.as_of.empty()) line += "; " + page.totals.as_of;
  return line;
}

Json TotalsJson(const AsOfTotals& totals) {
  return {{"as_of", OrNull(totals.as_of)}, {"jem", OrNull(totals.jem)}, {"wso", OrNull(totals.wso)},
          {"tfm", OrNull(totals.tfm)}, {"agreements", OrNull(totals.total_moas)},
          {"pending_as_of", OrNull(totals.pending_as_of)}, {"pending", OrNull(totals.pending)}};
}

Json PageJson(const PageReport& page) {
  return {{"url", page.url}, {"final_url", OrNull(page.final_url)},
          {"status", page.status ? Json(page.status) : Json()}, {"result", ToString(page.result)},
          {"error", OrNull(page.error)}, {"modified_time", OrNull(page.modified_time)},
          {"totals", TotalsJson(page.totals)}};
}

Json WorkbookJson(const WorkbookReport& r) {
  Json events = Json::object();
  std::string mismatch;
  for (const ChangeEvent& e : r.events) {
    events[ToString(e.kind)] = events.value(ToString(e.kind), 0) + 1;
    if (e.kind == EventKind::TotalsMismatch) mismatch = e.detail;
  }
  return {{"url", r.url},
          {"file_name", OrNull(r.file_name)},
          {"linked_as", ToString(r.linked_as)},
          {"list", r.list ? Json(ToString(*r.list)) : Json()},
          {"result", ToString(r.result)},
          {"snapshot", r.snapshot_id ? Json(r.snapshot_id) : Json()},
          {"rows", r.rows},
          {"previous_rows", r.previous_rows},
          {"published_at", OrNull(r.published_at)},
          {"events", events},
          {"totals_mismatch", OrNull(mismatch)},
          {"warnings", r.warnings},
          {"note", OrNull(r.note)},
          {"error", OrNull(r.error)}};
}

}  // namespace

std::vector<std::string> CycleSummaryLines(const CycleReport& report, bool changes_only) {
  std::vector<std::string> lines;
  if (!changes_only) lines.push_back(PageLine(report));
  for (const WorkbookReport& r : report.workbooks) {
    if (changes_only && r.events.empty()) continue;
    std::string line = ListLabel(r) + ": " + OutcomeText(r);
    if (!r.file_name.empty()) line += "  [" + r.file_name + "]";
    lines.push_back(line);
  }
  for (const ChangeEvent& n : report.notices) lines.push_back(std::string(ToString(n.kind)) + ": " + n.key + ": " + n.detail);
  if (changes_only) return lines;
  for (ListKind list : report.not_linked)
    lines.push_back(std::string(ToString(list)) + ": not linked from the page; left as it was");
  return lines;
}

std::string CycleStatusLine(const CycleReport& report, int exit_code) {
  std::string line = report.started_at + ": ";
  if (report.page.result == PageResult::FetchFailed || report.page.result == PageResult::NoRoster)
    return line + "the page could not be read (exit " + std::to_string(exit_code) + ")";
  std::string lists;
  for (const WorkbookReport& r : report.workbooks) {
    std::string what = ListLabel(r) + " ";
    switch (r.result) {
      case WorkbookResult::Stored: what += "#" + std::to_string(r.snapshot_id) + " stored (" + EventsText(r.events) + ")"; break;
      case WorkbookResult::Quarantined: what += "#" + std::to_string(r.snapshot_id) + " quarantined"; break;
      case WorkbookResult::NotModified:
      case WorkbookResult::Duplicate: what += "unchanged"; break;
      case WorkbookResult::Late: what += "late"; break;
      default: what += "failed"; break;
    }
    lists += (lists.empty() ? "" : ", ") + what;
  }
  return line + (lists.empty() ? "no workbook" : lists) + (exit_code ? " (exit " + std::to_string(exit_code) + ")" : "");
}

Json CycleJson(const CycleReport& report, int exit_code) {
  Json workbooks = Json::array();
  size_t events = 0;
  for (const WorkbookReport& r : report.workbooks) {
    workbooks.push_back(WorkbookJson(r));
    events += r.events.size();
  }
  Json not_linked = Json::array();
  for (ListKind list : report.not_linked) not_linked.push_back(ToString(list));
  Json notices = Json::array();
  for (const ChangeEvent& n : report.notices)
    notices.push_back({{"kind", ToString(n.kind)}, {"source", n.key}, {"detail", n.detail}});
  return {{"source", report.page.url},
          {"started_at", report.started_at},
          {"finished_at", report.finished_at},
          {"page", PageJson(report.page)},
          {"workbooks", workbooks},
          {"not_linked", not_linked},
          {"events", events},
          {"notices", notices},
          {"errors", report.errors()},
          {"exit_code", exit_code}};
}

}  // namespace icetrack
