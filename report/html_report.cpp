#include "report/html_report.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>

#include "model/ascii_text.h"
#include "model/ice_page.h"
#include "model/roster_tally.h"
#include "model/us_state.h"
#include "model/utc_time.h"
#include "report/agreement_story.h"
#include "report/digest.h"
#include "report/markup_text.h"
#include "report/stats_format.h"
#include "report/translate.h"

namespace icetrack {

namespace {

// Where each place sits on the tile map: row, column of a 12 × 9 grid
// (the usual layout: the lower 48 roughly where they are, Alaska and Hawaii
// on the left, the territories along the bottom).
struct Tile {
  const char* code;
  int row, col;
};
constexpr Tile kTiles[] = {
    {"AK", 0, 0},  {"ME", 0, 11}, {"VT", 1, 10}, {"NH", 1, 11}, {"WA", 2, 1},  {"ID", 2, 2},  {"MT", 2, 3},
    {"ND", 2, 4},  {"MN", 2, 5},  {"IL", 2, 6},  {"WI", 2, 7},  {"MI", 2, 8},  {"NY", 2, 9},  {"RI", 2, 10},
    {"MA", 2, 11}, {"OR", 3, 1},  {"NV", 3, 2},  {"WY", 3, 3},  {"SD", 3, 4},  {"IA", 3, 5},  {"IN", 3, 6},
    {"OH", 3, 7},  {"PA", 3, 8},  {"NJ", 3, 9},  {"CT", 3, 10}, {"CA", 4, 1},  {"UT", 4, 2},  {"CO", 4, 3},
    {"NE", 4, 4},  {"MO", 4, 5},  {"KY", 4, 6},  {"WV", 4, 7},  {"VA", 4, 8},  {"MD", 4, 9},  {"DE", 4, 10},
    {"AZ", 5, 2},  {"NM", 5, 3},  {"KS", 5, 4},  {"AR", 5, 5},  {"TN", 5, 6},  {"NC", 5, 7},  {"SC", 5, 8},
    {"DC", 5, 9},  {"OK", 6, 4},  {"LA", 6, 5},  {"MS", 6, 6},  {"AL", 6, 7},  {"GA", 6, 8},  {"HI", 7, 0},
    {"TX", 7, 4},  {"FL", 7, 9},  {"GU", 8, 0},  {"MP", 8, 1},  {"AS", 8, 2},  {"VI", 8, 10}, {"PR", 8, 11}};

struct Series {
  const char* name;
  const char* colour;  // at least 4.5:1 against white
};
constexpr Series kSeries[] = {{"all", "#333333"}, {"JEM", "#1f4e79"}, {"TFM", "#a8322a"}, {"WSO", "#1e6b3a"}};

constexpr char kStyle[] =
    "body{font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff;"
    "margin:0 auto;max-width:64rem;padding:0 1rem}"
    "h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}"
    "a{color:#0b57a4}.note{color:#4a4a4a;margin:.25rem 0}.stale{color:#8a1c00}"
    ".stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;padding:0;margin:1rem 0}"
    ".stats div{border:1px solid #ccc;border-radius:.4rem;padding:.5rem .75rem}"
    ".stats dt{font-size:.85rem;color:#4a4a4a}.stats dd{margin:0;font-size:1.5rem;font-weight:600}"
    ".scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92rem}"
    "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}"
    "th{background:#f2f2f2}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".tiles{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));gap:3px;max-width:40rem}"
    ".tiles a,.tiles span{display:block;aspect-ratio:1;text-align:center;font-size:.7rem;line-height:1.2;"
    "padding-top:18%;border-radius:3px;text-decoration:none}.tiles b{display:block;font-size:.8rem}"
    ".filters{display:flex;flex-wrap:wrap;gap:.75rem;margin:.5rem 0}.filters label{display:flex;"
    "flex-direction:column;font-size:.85rem}select{font-size:1rem;padding:.2rem}"
    "svg{max-width:100%;height:auto}.legend span{margin-right:1rem;white-space:nowrap}"
    "@media (max-width:40rem){.tiles a,.tiles span{font-size:.5rem}.tiles b{font-size:.6rem}}";

std::string Esc(const std::string& s) { return MarkupText(s); }
std::string Day(const std::string& time) { return time.substr(0, 10); }

std::string Page(Language l, const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(ToString(l)) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         Esc(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

std::string Stat(const char* name, const std::string& label, int value) {
  return std::string("<div><dt>") + Esc(label) + "</dt><dd data-stat=\"" + name + "\">" + std::to_string(value) +
         "</dd></div>";
}

// Signings ICE listed in the `days` before `at`: what `log --kind signed --since Nd` gives.
int SignedWithin(const HistoryExport& h, int days, const std::string& state_code = "") {
  UtcTime at, when;
  if (!ParseIsoTime(h.at, &at)) return 0;
  int n = 0;
  for (const StoredEvent& e : h.events) {
    if (e.event.kind != EventKind::Signed || !ParseIsoTime(e.at, &when)) continue;
    if (!state_code.empty() && e.event.state_code != state_code) continue;
    if (when.seconds > at.seconds - int64_t{days} * 86400) ++n;
  }
  return n;
}

std::array<int, 4> ByModel(const std::vector<RosterEntry>& entries) {
  std::array<int, 4> out{};
  for (const RosterEntry& e : entries) out[static_cast<size_t>(e.row.model)]++;
  return out;
}

std::string Headline(const HistoryExport& h, Language l) {
  RosterTally t = TallyRoster(h.roster.entries, Grouping::State, TallyOrder::Count);
  std::array<int, 4> models = ByModel(h.roster.entries);
  std::string out = "<dl class=\"stats\">";
  out += Stat("agreements", Tr(l, "Agreements"), t.total.rows) + Stat("agencies", Tr(l, "Agencies"), t.total.agencies) +
         Stat("states", Tr(l, "States"), t.states) + Stat("JEM", Tr(l, "Jail enforcement (JEM)"), models[1]) +
         Stat("TFM", Tr(l, "Task force (TFM)"), models[2]) + Stat("WSO", Tr(l, "Warrant service (WSO)"), models[3]) +
         Stat("pending", Tr(l, "Pending applications"), static_cast<int>(h.pending_entries.size())) +
         Stat("signed_7d", Tr(l, "Signed, last 7 days"), SignedWithin(h, 7)) +
         Stat("signed_30d", Tr(l, "Signed, last 30 days"), SignedWithin(h, 30));
  return out + "</dl>\n";
}

std::string AsOf(const HistoryExport& h, Language l) {
  std::string out = "<p class=\"note\">" +
                    Fill(Tr(l, "As of {1}"), {"<time datetime=\"" + Esc(h.at) + "\">" + Day(h.at) + "</time>"});
  if (h.roster.snapshot)
    out += Fill(Tr(l, ", from ICE's publication of {1} ({2})"),
                {Day(h.roster.snapshot->published_at), Esc(h.roster.snapshot->source_name)});
  if (h.pending && (!h.roster.snapshot || Day(h.pending->published_at) != Day(h.roster.snapshot->published_at)))
    out += Fill(Tr(l, "; the pending applications from that of {1}"), {Day(h.pending->published_at)});
  out += Fill(Tr(l, ". Source: {1}."),
              {"<a href=\"" + std::string(kIcePageUrl) + "\">" + Esc(Tr(l, "ICE's 287(g) page")) + "</a>"});
  UtcTime at;
  std::optional<int64_t> stale = ParseIsoTime(h.at, &at) ? StaleDays(h.roster.snapshot, at) : std::nullopt;
  if (stale)
    out += " <strong class=\"stale\" data-stale-days=\"" + std::to_string(*stale) + "\">" +
           Esc(Fill(Tr(l, "That publication is {1} days old: ICE may have stopped updating the list."),
                    {std::to_string(*stale)})) +
           "</strong>";
  return out + "</p>\n";
}

std::string Polyline(const std::vector<SnapshotInfo>& t, size_t series, double x0, double x1, int top, int w, int h) {
  std::string points;
  for (const SnapshotInfo& s : t) {
    UtcTime when;
    ParseIsoTime(s.published_at, &when);
    int v = series == 0 ? s.rows : series == 1 ? s.jem : series == 2 ? s.tfm : s.wso;
    double x = 50 + (x1 > x0 ? (when.seconds - x0) / (x1 - x0) : 0.5) * w;
    double y = 20 + h - (top ? static_cast<double>(v) / top : 0) * h;
    char p[48];
    std::snprintf(p, sizeof p, "%.1f,%.1f ", x, y);
    points += p;
  }
  return "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + std::string(kSeries[series].colour) +
         "\" points=\"" + points + "\"/>";
}

std::string TimelineChart(const std::vector<SnapshotInfo>& t, Language l) {
  if (t.empty()) return "<p>" + Esc(Tr(l, "No publication yet.")) + "</p>\n";
  UtcTime first, last;
  ParseIsoTime(t.front().published_at, &first);
  ParseIsoTime(t.back().published_at, &last);
  int top = 1;
  for (const SnapshotInfo& s : t) top = std::max(top, s.rows);
  const int w = 660, h = 220;
  std::string desc = Fill(Tr(l, "From {1} agreements on {2} to {3} on {4}."),
                          {std::to_string(t.front().rows), Day(t.front().published_at), std::to_string(t.back().rows),
                           Day(t.back().published_at)});
  std::string svg = "<svg viewBox=\"0 0 720 270\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">"
                    "<title id=\"chart-title\">" + Esc(Tr(l, "Agreements over time by model")) +
                    "</title><desc id=\"chart-desc\">" + Esc(desc) + "</desc>";
  svg += "<line x1=\"50\" y1=\"240\" x2=\"710\" y2=\"240\" stroke=\"#767676\"/><line x1=\"50\" y1=\"20\" x2=\"50\" "
         "y2=\"240\" stroke=\"#767676\"/>";
  svg += "<text x=\"44\" y=\"26\" text-anchor=\"end\" font-size=\"12\">" + std::to_string(top) +
         "</text><text x=\"44\" y=\"244\" text-anchor=\"end\" font-size=\"12\">0</text>";
  svg += "<text x=\"50\" y=\"260\" font-size=\"12\">" + Day(t.front().published_at) +
         "</text><text x=\"710\" y=\"260\" text-anchor=\"end\" font-size=\"12\">" + Day(t.back().published_at) + "</text>";
  for (size_t i = 0; i < 4; ++i)
    svg += Polyline(t, i, static_cast<double>(first.seconds), static_cast<double>(last.seconds), top, w, h);
  std::string legend = "<p class=\"legend\">";
  for (const Series& s : kSeries)
    legend += std::string("<span><svg width=\"14\" height=\"4\" aria-hidden=\"true\"><rect width=\"14\" height=\"4\" "
                          "fill=\"") + s.colour + "\"/></svg> " + (std::string(s.name) == "all" ? Esc(Tr(l, "all models")) : s.name) + "</span>";
  return svg + "</svg>\n" + legend + "</p>\n";
}

std::string TileStyle(int n) {
  if (n == 0) return "background:#eeeeee;color:#222";
  if (n < 10) return "background:#c6dbef;color:#000";
  if (n < 25) return "background:#6baed6;color:#000";
  if (n < 100) return "background:#2171b5;color:#fff";
  return "background:#08306b;color:#fff";
}

std::string TileMap(const std::map<std::string, int>& counts, bool site, Language l) {
  std::string out = "<div class=\"tiles\" role=\"list\" aria-label=\"" + Esc(Tr(l, "Agreements per state")) + "\">";
  for (const Tile& t : kTiles) {
    auto it = counts.find(t.code);
    int n = it == counts.end() ? 0 : it->second;
    std::string name(StateName(t.code));
    std::string place = "grid-row:" + std::to_string(t.row + 1) + ";grid-column:" + std::to_string(t.col + 1) + ";";
    std::string label = name + ": " + Fill(TrN(l, "{1} agreement", "{1} agreements", static_cast<unsigned long>(n)),
                                           {std::to_string(n)});
    std::string inner = std::string(t.code) + "<b data-tile=\"" + t.code + "\">" + std::to_string(n) + "</b>";
    if (site && n > 0)
      out += "<a role=\"listitem\" href=\"state/" + std::string(t.code) + ".html\" style=\"" + place + TileStyle(n) +
             "\" title=\"" + Esc(label) + "\" aria-label=\"" + Esc(label) + "\">" + inner + "</a>";
    else
      out += "<span role=\"listitem\" style=\"" + place + TileStyle(n) + "\" title=\"" + Esc(label) +
             "\" aria-label=\"" + Esc(label) + "\">" + inner + "</span>";
  }
  return out + "</div>\n";
}

std::string Cell(const std::string& text) { return "<td>" + Esc(text) + "</td>"; }
std::string Link(const std::string& url, const std::string& text) {
  return IsWebLink(url) ? "<a href=\"" + Esc(url) + "\">" + Esc(text) + "</a>" : Esc(url);
}

// A table's header row: a cell a column, numbers (class "n") right-aligned.
std::string HeaderRow(const std::vector<std::pair<std::string, bool>>& columns) {
  std::string out = "<thead><tr>";
  for (const auto& [name, number] : columns)
    out += std::string("<th scope=\"col\"") + (number ? " class=\"n\"" : "") + ">" + Esc(name) + "</th>";
  return out + "</tr></thead>";
}

std::string StatesTable(const HistoryExport& h, bool site, Language l) {
  std::string out = "<div class=\"scroll\"><table id=\"states\"><caption class=\"note\">" +
                    Esc(Tr(l, "States by number of agreements")) + "</caption>" +
                    HeaderRow({{Tr(l, "State"), false}, {Tr(l, "Agreements"), true}, {Tr(l, "Agencies"), true},
                               {"JEM", true}, {"TFM", true}, {"WSO", true}, {Tr(l, "Pending"), true}}) + "<tbody>";
  for (const auto& row : CountsRows(h)) {  // state_code, state, JEM, TFM, WSO, unknown, agreements, agencies, pending
    bool total = row[0].empty();
    std::string name = total ? Tr(l, "All states") : row[1].empty() ? row[0] : row[1];
    bool page = site && !total && !StateName(row[0]).empty();
    std::string head = page ? "<a href=\"state/" + Esc(row[0]) + ".html\">" + Esc(name) + "</a>" : Esc(name);
    out += std::string("<tr") + (total ? " class=\"total\"" : " data-state=\"" + Esc(row[0]) + "\"") +
           "><th scope=\"row\">" + head + "</th>";
    for (size_t i : {6, 7, 2, 3, 4, 8}) out += "<td class=\"n\">" + row[i] + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table></div>\n";
}

std::string Options(const char* id, const std::string& label, const std::set<std::string>& values, Language l) {
  std::string out = std::string("<label for=\"filter-") + id + "\">" + Esc(label) + "<select id=\"filter-" + id +
                    "\"><option value=\"\">" + Esc(Tr(l, "all")) + "</option>";
  for (const std::string& v : values) out += "<option value=\"" + Esc(v) + "\">" + Esc(v) + "</option>";
  return out + "</select></label>";
}

constexpr char kFilterScript[] =
    "<script>(function(){var names=['state','model','kind'],q=new URLSearchParams(location.search);"
    "var sel=names.map(function(n){var s=document.getElementById('filter-'+n);if(q.get(n))s.value=q.get(n);"
    "s.addEventListener('change',apply);return s});"
    "function apply(){var shown=0;document.querySelectorAll('#changes tbody tr').forEach(function(r){"
    "var ok=sel.every(function(s,i){return!s.value||r.dataset[names[i]]===s.value});r.hidden=!ok;if(ok)shown++});"
    "document.getElementById('shown').textContent=shown}apply()})();</script>\n";

std::string ChangesTable(const std::vector<const StoredEvent*>& events, bool filters, Language l) {
  std::set<std::string> states, models, kinds;
  for (const StoredEvent* e : events) {
    if (!e->event.state_code.empty()) states.insert(e->event.state_code);
    if (e->event.model != Model::Unknown) models.insert(ToString(e->event.model));
    kinds.insert(ToString(e->event.kind));
  }
  std::string out;
  if (filters)
    out += "<form class=\"filters\" onsubmit=\"return false\">" + Options("state", Tr(l, "State"), states, l) +
           Options("model", Tr(l, "Model"), models, l) + Options("kind", Tr(l, "Change"), kinds, l) +
           "</form>\n<p class=\"note\" aria-live=\"polite\">" +
           Fill(Esc(Tr(l, "{1} of {2} changes shown.")),
                {"<span id=\"shown\">" + std::to_string(events.size()) + "</span>", std::to_string(events.size())}) +
           "</p>\n";
  out += "<div class=\"scroll\"><table id=\"changes\">" +
         HeaderRow({{Tr(l, "Date"), false}, {Tr(l, "Change"), false}, {Tr(l, "State"), false},
                    {Tr(l, "Agency"), false}, {Tr(l, "Model"), false}, {Tr(l, "Details"), false}}) + "<tbody>";
  for (const StoredEvent* e : events) {
    const ChangeEvent& c = e->event;
    std::string line = StoryLine(*e, l);
    std::string detail = line.find(" — ") == std::string::npos ? "" : line.substr(line.find(" — ") + 5);
    out += "<tr data-state=\"" + Esc(c.state_code) + "\" data-model=\"" + (c.model == Model::Unknown ? "" : ToString(c.model)) +
           "\" data-kind=\"" + ToString(c.kind) + "\">" + Cell(Day(e->at)) + Cell(StoryWords(c, l)) + Cell(c.state_code) +
           "<td>" + (IsWebLink(c.moa_url) ? Link(c.moa_url, c.agency) : Esc(c.agency)) + "</td>" +
           Cell(c.model == Model::Unknown ? "" : ToString(c.model)) + Cell(detail) + "</tr>";
  }
  return out + "</tbody></table></div>\n";
}

// The newest events about agreements (not notices about the publishing), newest first.
std::vector<const StoredEvent*> Newest(const HistoryExport& h, size_t limit, const std::string& state_code = "") {
  std::vector<const StoredEvent*> out;
  for (auto it = h.events.rbegin(); it != h.events.rend() && out.size() < limit; ++it) {
    if (IsNotice(it->event.kind) || it->event.kind == EventKind::Baseline) continue;
    if (!state_code.empty() && it->event.state_code != state_code) continue;
    out.push_back(&*it);
  }
  return out;
}

std::string A(const char* href, const std::string& text) { return std::string("<a href=\"") + href + "\">" + Esc(text) + "</a>"; }

std::string DataLinks(Language l) {
  return "<p>" + Esc(Tr(l, "Data:")) + " " + A("feed.xml", Tr(l, "Atom feed")) + " · " +
         A("icetrack.xlsx", Tr(l, "Excel workbook")) + " · " + A("export.json", "JSON") + " · CSV: " +
         A("csv/roster.csv", Tr(l, "roster")) + ", " + A("csv/changes.csv", Tr(l, "changes")) + ", " +
         A("csv/counts.csv", Tr(l, "counts")) + ", " + A("csv/timeline.csv", Tr(l, "timeline")) + ".</p>\n";
}

// A link's MOA or addendum, with the site's own copy beside it when there is one.
std::string DocumentLinks(const std::string& url, const std::string& text, const HistoryExport& h, bool site,
                          Language l) {
  if (!IsWebLink(url)) return "";
  auto kept = site ? h.documents.find(url) : h.documents.end();
  if (kept == h.documents.end()) return Link(url, text);
  return Link(url, text) + " (<a href=\"../" + Esc(PercentEncode(kept->second.path, "/")) + "\" data-kept=\"" + Esc(kept->second.sha256) +
         "\">" + Esc(Tr(l, "kept copy")) + "</a>)";
}

std::string AgenciesTable(const std::vector<RosterEntry>& entries, const HistoryExport& h, bool site, Language l) {
  std::string out = "<div class=\"scroll\"><table id=\"agencies\">" +
                    HeaderRow({{Tr(l, "Agency"), false}, {Tr(l, "Type"), false}, {Tr(l, "County"), false},
                               {Tr(l, "Model"), false}, {Tr(l, "Signed"), false}, {"MOA", false}}) + "<tbody>";
  for (const RosterEntry& e : entries) {
    const RosterRow& r = e.row;
    out += "<tr><th scope=\"row\">" + Esc(r.agency) + "</th>" + Cell(r.agency_type) + Cell(r.county) +
           Cell(ToString(r.model)) + Cell(r.signed_date) + "<td>" + DocumentLinks(r.moa_url, "MOA", h, site, l) +
           (IsWebLink(r.addendum_url) ? " " + DocumentLinks(r.addendum_url, Tr(l, "addendum"), h, site, l) : "") +
           "</td></tr>";
  }
  return out + "</tbody></table></div>\n";
}

// Signings by the month of their SIGNED date, as bars.
std::string SigningsChart(const std::vector<RosterEntry>& entries, Language l) {
  std::map<std::string, int> months;
  for (const RosterEntry& e : entries)
    if (e.row.signed_date.size() >= 7) months[e.row.signed_date.substr(0, 7)]++;
  if (months.empty()) return "<p>" + Esc(Tr(l, "No SIGNED date is listed.")) + "</p>\n";
  int top = 1;
  for (const auto& m : months) top = std::max(top, m.second);
  std::string svg = "<svg viewBox=\"0 0 720 " + std::to_string(40 + 18 * months.size()) +
                    "\" role=\"img\" aria-label=\"" + Esc(Tr(l, "Agreements by the month they were signed")) + "\">";
  int y = 10;
  for (const auto& [month, n] : months) {
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 12) + "\" font-size=\"12\">" + month + "</text><rect x=\"70\" y=\"" +
           std::to_string(y) + "\" height=\"14\" width=\"" + std::to_string(560 * n / top + 1) +
           "\" fill=\"#1f4e79\"/><text x=\"" + std::to_string(76 + 560 * n / top) + "\" y=\"" + std::to_string(y + 12) +
           "\" font-size=\"12\">" + std::to_string(n) + "</text>";
    y += 18;
  }
  return svg + "</svg>\n";
}

}  // namespace

std::vector<std::string> HtmlStates(const HistoryExport& h) {
  std::set<std::string> codes;
  for (const RosterEntry& e : h.roster.entries) codes.insert(e.row.state_code);
  for (const RosterEntry& e : h.pending_entries) codes.insert(e.row.state_code);
  for (const StoredEvent& e : h.events) codes.insert(e.event.state_code);
  std::vector<std::string> out;
  for (const std::string& c : codes)
    if (!StateName(c).empty()) out.push_back(c);
  return out;
}

// <section> with its heading, for the outline and for screen readers.
std::string Section(const char* id, const std::string& heading, const std::string& content) {
  return std::string("<section aria-labelledby=\"") + id + "\"><h2 id=\"" + id + "\">" + Esc(heading) + "</h2>\n" +
         content + "</section>\n";
}

std::string HtmlIndex(const HistoryExport& h, const HtmlOptions& o) {
  const Language l = o.language;
  std::map<std::string, int> per_state;
  for (const RosterEntry& e : h.roster.entries) per_state[e.row.state_code]++;
  std::string title = Tr(l, "287(g) agreements");
  std::string body = "<header><h1>" + Esc(title) + "</h1>\n" + AsOf(h, l) + "</header>\n<main>\n";
  body += Section("now", Tr(l, "Now"), Headline(h, l));
  body += Section("time", Tr(l, "Agreements over time"), TimelineChart(h.timeline, l));
  body += Section("map", Tr(l, "Agreements per state"), TileMap(per_state, o.site, l) + StatesTable(h, o.site, l));
  body += Section("recent", Tr(l, "Recent changes"), ChangesTable(Newest(h, o.recent_changes), true, l));
  if (o.site) body += Section("data", Tr(l, "Data"), DataLinks(l));
  body += "</main>\n" + std::string(kFilterScript);
  return Page(l, Fill(Tr(l, "287(g) agreements as of {1}"), {Day(h.at)}), body);
}

std::string HtmlStatePage(const HistoryExport& h, const std::string& code, const HtmlOptions& o) {
  const Language l = o.language;
  std::vector<RosterEntry> agencies, pending;
  for (const RosterEntry& e : h.roster.entries) if (e.row.state_code == code) agencies.push_back(e);
  for (const RosterEntry& e : h.pending_entries) if (e.row.state_code == code) pending.push_back(e);
  RosterTally t = TallyRoster(agencies, Grouping::State, TallyOrder::Count);
  std::string name(StateName(code));
  std::string body = "<header><p><a href=\"" + std::string(o.site ? "../index.html" : "#") + "\">" +
                     Esc(Tr(l, "All states")) + "</a></p><h1>" + Esc(Fill(Tr(l, "{1}: 287(g) agreements"), {name})) +
                     "</h1>\n" + AsOf(h, l) + "</header>\n<main>\n";
  body += "<dl class=\"stats\">" + Stat("agreements", Tr(l, "Agreements"), t.total.rows) +
          Stat("agencies", Tr(l, "Agencies"), t.total.agencies) +
          Stat("pending", Tr(l, "Pending applications"), static_cast<int>(pending.size())) +
          Stat("signed_30d", Tr(l, "Signed, last 30 days"), SignedWithin(h, 30, code)) + "</dl>\n";
  body += Section("months", Tr(l, "Signed, by month"), SigningsChart(agencies, l));
  body += Section("agencies-h", Tr(l, "Agencies"), AgenciesTable(agencies, h, o.site, l));
  body += Section("recent", Tr(l, "Changes"), ChangesTable(Newest(h, o.recent_changes, code), false, l));
  body += "</main>\n";
  return Page(l, Fill(Tr(l, "{1}: 287(g) agreements as of {2}"), {name, Day(h.at)}), body);
}

}  // namespace icetrack
