#include "report/history_export.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "model/enum_names.h"
#include "model/roster_tally.h"
#include "model/us_state.h"
#include "report/csv.h"
#include "report/event_format.h"

namespace icetrack {

namespace {

constexpr EnumName<ExportFormat> kExportFormats[] = {{ExportFormat::Csv, "csv"},   {ExportFormat::Json, "json"},
                                                     {ExportFormat::Xlsx, "xlsx"}, {ExportFormat::Atom, "atom"},
                                                     {ExportFormat::Html, "html"}};

struct StateCounts {
  std::array<int, 4> by_model{};  // indexed by Model: Unknown, JEM, TFM, WSO
  int rows = 0, agencies = 0, pending = 0;
};

std::vector<std::string> CountsLine(const std::string& code, const std::string& name, const StateCounts& c) {
  return {code, name, std::to_string(c.by_model[1]), std::to_string(c.by_model[2]), std::to_string(c.by_model[3]),
          std::to_string(c.by_model[0]), std::to_string(c.rows), std::to_string(c.agencies), std::to_string(c.pending)};
}

std::string CsvOf(const std::vector<std::string>& columns, const std::vector<std::vector<std::string>>& rows) {
  std::string out = kUtf8Bom + CsvLine(columns);
  for (const auto& row : rows) out += CsvLine(row);
  return out;
}

// Numbers as JSON numbers, the rest as text: the rows of a table as objects.
// `texts`: the columns that are not counts.
// Rows as objects by their columns; the columns in `texts` as strings, the rest as numbers.
void WriteObjects(JsonWriter* w, const std::vector<std::string>& columns,
                  const std::vector<std::vector<std::string>>& rows, const std::set<size_t>& texts) {
  w->BeginArray();
  for (const auto& row : rows) {
    w->BeginObject();
    for (size_t i = 0; i < columns.size(); ++i) {
      w->Key(columns[i]);
      if (texts.count(i)) w->String(row[i]);
      else w->Number(std::stoll(row[i]));  // our own std::to_string: always digits
    }
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

const char* ToString(ExportFormat format) { return NameIn(kExportFormats, format); }

bool ParseExportFormat(std::string_view text, ExportFormat* out) { return ValueIn(kExportFormats, text, out); }

const std::vector<std::string>& CountsColumns() {
  static const std::vector<std::string> columns = {"state_code", "state",      "JEM",      "TFM",    "WSO",
                                                   "unknown_model", "agreements", "agencies", "pending"};
  return columns;
}

std::vector<std::vector<std::string>> CountsRows(const HistoryExport& h) {
  std::map<std::string, StateCounts> states;
  StateCounts total;
  for (const RosterEntry& e : h.roster.entries) {
    std::string code = e.row.state_code.empty() ? kUnknownState : e.row.state_code;
    states[code].by_model[static_cast<size_t>(e.row.model)]++;
    total.by_model[static_cast<size_t>(e.row.model)]++;
  }
  RosterTally by_state = TallyRoster(h.roster.entries, Grouping::State, TallyOrder::Count);
  for (const Tally& t : by_state.groups) {
    states[t.group].rows = t.rows;
    states[t.group].agencies = t.agencies;
  }
  for (const Tally& t : TallyRoster(h.pending_entries, Grouping::State, TallyOrder::Count).groups)
    states[t.group].pending = t.rows;
  total.rows = by_state.total.rows;
  total.agencies = by_state.total.agencies;
  total.pending = static_cast<int>(h.pending_entries.size());
  std::vector<std::pair<std::string, StateCounts>> ranked(states.begin(), states.end());
  // Most rows first; ties by code, with the rows that name no state after every state.
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.rows != b.second.rows) return a.second.rows > b.second.rows;
    bool a_unknown = a.first == kUnknownState, b_unknown = b.first == kUnknownState;
    if (a_unknown != b_unknown) return b_unknown;
    return a.first < b.first;
  });
  std::vector<std::vector<std::string>> rows;
  for (const auto& [code, counts] : ranked) rows.push_back(CountsLine(code, std::string(StateName(code)), counts));
  rows.push_back(CountsLine("", "total", total));
  return rows;
}

const std::vector<std::string>& TimelineColumns() {
  static const std::vector<std::string> columns = {"published_at", "snapshot", "source_name", "agreements",
                                                   "JEM",          "TFM",      "WSO",         "unknown_model"};
  return columns;
}

std::vector<std::vector<std::string>> TimelineRows(const HistoryExport& h) {
  std::vector<std::vector<std::string>> rows;
  for (const SnapshotInfo& s : h.timeline)
    rows.push_back({s.published_at, std::to_string(s.id), s.source_name, std::to_string(s.rows), std::to_string(s.jem),
                    std::to_string(s.tfm), std::to_string(s.wso), std::to_string(s.no_model)});
  return rows;
}

std::vector<std::pair<std::string, std::string>> ExportCsvFiles(const HistoryExport& h) {
  return {{"roster.csv", RosterCsv(h.roster.entries)},
          {"changes.csv", EventsCsv(h.events)},
          {"counts.csv", CsvOf(CountsColumns(), CountsRows(h))},
          {"timeline.csv", CsvOf(TimelineColumns(), TimelineRows(h))}};
}

std::string ExportJsonText(const HistoryExport& h) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("at");
  w.String(h.at);
  w.Key("since");
  w.StringOrNull(h.since);
  w.Key("roster");
  WriteRosterListingJson(&w, h.roster);
  w.Key("changes");
  w.BeginArray();
  for (const StoredEvent& e : h.events) WriteEventJson(&w, e);
  w.EndArray();
  w.Key("counts");
  WriteObjects(&w, CountsColumns(), CountsRows(h), {0, 1});
  w.Key("timeline");
  WriteObjects(&w, TimelineColumns(), TimelineRows(h), {0, 2});
  w.EndObject();
  return out + "\n";
}

std::vector<XlsxTable> ExportTables(const HistoryExport& h) {
  XlsxTable changes{"Changes", {}, {}};
  for (const std::string& c : EventCsvColumns()) {
    XlsxKind kind = c == "at" ? XlsxKind::Time : c == "signed" ? XlsxKind::Date : c == "moa_url" ? XlsxKind::Link
                  : c == "id" || c == "snapshot" ? XlsxKind::Number : XlsxKind::Text;
    changes.columns.push_back({c, kind});
  }
  for (const StoredEvent& e : h.events)
    for (auto& line : EventCsvRows(e)) changes.rows.push_back(std::move(line));
  XlsxTable counts{"Counts", {}, CountsRows(h)};
  for (size_t i = 0; i < CountsColumns().size(); ++i)
    counts.columns.push_back({CountsColumns()[i], i >= 2 ? XlsxKind::Number : XlsxKind::Text});
  XlsxTable timeline{"Timeline", {}, TimelineRows(h)};
  for (size_t i = 0; i < TimelineColumns().size(); ++i)
    timeline.columns.push_back({TimelineColumns()[i], i == 0 ? XlsxKind::Time : i == 2 ? XlsxKind::Text : XlsxKind::Number});
  return {changes, RosterTable(h.roster.entries), counts, timeline};
}

}  // namespace icetrack
