#include "report/stats_format.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "model/us_state.h"
#include "report/csv.h"

namespace icetrack {

namespace {

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}


// "Florida" for a state group, the group as it is otherwise ("TFM", "FL TFM").
std::string GroupName(const Tally& t, Grouping by) {
  if (by != Grouping::State) return t.group;
  std::string_view name = StateName(t.state_code);
  return name.empty() ? t.group : std::string(name);
}

std::map<std::string, int> PendingByGroup(const StatsReport& r) {
  std::map<std::string, int> out;
  for (const Tally& t : r.pending_groups.groups) out[t.group] = t.rows;
  return out;
}

double Share(int n, int total) { return total ? 100.0 * n / total : 0.0; }

std::string Percent(double share, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f %%", decimals, share);
  return buf;
}

std::string PublicationLine(const char* list, const std::optional<SnapshotInfo>& s, UtcTime at) {
  if (!s) return std::string("no ") + list + " list published by then";
  std::string line = std::string(list) + ": snapshot #" + std::to_string(s->id) + ", published " + s->published_at +
                     " (" + s->source_name + ")";
  if (auto days = StaleDays(s, at)) line += ", " + Plural(static_cast<int>(*days), "day", "days") + " old";
  return line;
}

}  // namespace

std::optional<int64_t> StaleDays(const std::optional<SnapshotInfo>& s, UtcTime at) {
  UtcTime published;
  if (!s || !ParseIsoTime(s->published_at, &published)) return std::nullopt;
  int64_t age = at.seconds - published.seconds;
  if (age <= kStaleAfterSeconds) return std::nullopt;
  return age / 86400;
}

std::string StatsHeadline(const StatsReport& r) {
  std::string out = Plural(r.groups.total.rows, "agreement", "agreements") + " across " +
                    Plural(r.by_state.states, "state", "states");
  if (r.pending) {
    out += ", " + std::to_string(r.pending_groups.total.rows) + " pending";
    if (StaleDays(r.pending, r.at)) out += " (as of " + r.pending->published_at.substr(0, 10) + ")";
  }
  for (const Tally& top : r.by_state.groups) {  // the state with the most, when it is known
    if (top.state_code.empty()) continue;
    double share = Share(top.rows, r.by_state.total.rows);
    out += ", " + GroupName(top, Grouping::State) + " " + std::to_string(top.rows) + " (" +
           Percent(std::round(share), 0) + ")";
    break;
  }
  return out;
}

std::string StatsText(const StatsReport& r) {
  std::string out = "As of " + FormatIsoTime(r.at) + ": " + StatsHeadline(r) + ".\n";
  out += PublicationLine("participating", r.participating, r.at) + "; " +
         PublicationLine("pending", r.pending, r.at) + ".\n";
  out += Plural(r.groups.total.agencies, "distinct agency", "distinct agencies") + " (an agency in two models counts once).\n\n";
  std::map<std::string, int> pending = PendingByGroup(r);
  char line[160];
  std::snprintf(line, sizeof line, "%-30s %10s %9s %8s %8s\n", ToString(r.by), "agreements", "agencies", "share",
                "pending");
  out += line;
  for (const Tally& t : r.groups.groups) {
    std::string name = t.group + (r.by == Grouping::State ? "  " + GroupName(t, r.by) : "");
    if (name.size() > 30) name.resize(30);
    std::string p = r.pending ? std::to_string(pending.count(t.group) ? pending[t.group] : 0) : "-";
    std::snprintf(line, sizeof line, "%-30s %10d %9d %8s %8s\n", name.c_str(), t.rows, t.agencies,
                  Percent(Share(t.rows, r.groups.total.rows), 1).c_str(), p.c_str());
    out += line;
  }
  std::string p = r.pending ? std::to_string(r.pending_groups.total.rows) : "-";
  std::snprintf(line, sizeof line, "%-30s %10d %9d %8s %8s\n", "total", r.groups.total.rows, r.groups.total.agencies,
                "100 %", p.c_str());
  return out + line;
}

nlohmann::ordered_json StatsJson(const StatsReport& r) {
  auto publication = [&](const std::optional<SnapshotInfo>& s) {
    if (!s) return nlohmann::ordered_json();
    auto days = StaleDays(s, r.at);
    return nlohmann::ordered_json{{"snapshot", s->id}, {"published_at", s->published_at},
                                  {"source_name", s->source_name},
                                  {"stale_days", days ? nlohmann::ordered_json(*days) : nlohmann::ordered_json()}};
  };
  nlohmann::ordered_json j;
  j["at"] = FormatIsoTime(r.at);
  j["headline"] = StatsHeadline(r);
  j["participating"] = publication(r.participating);
  j["pending"] = publication(r.pending);
  j["agreements"] = r.groups.total.rows;
  j["agencies"] = r.groups.total.agencies;
  j["states"] = r.by_state.states;
  j["pending_rows"] = r.pending ? nlohmann::ordered_json(r.pending_groups.total.rows) : nlohmann::ordered_json();
  j["by"] = ToString(r.by);
  j["sort"] = ToString(r.order);
  std::map<std::string, int> pending = PendingByGroup(r);
  j["groups"] = nlohmann::ordered_json::array();
  for (const Tally& t : r.groups.groups) {
    j["groups"].push_back({{"group", t.group}, {"name", GroupName(t, r.by)}, {"agreements", t.rows},
                           {"agencies", t.agencies}, {"share", Share(t.rows, r.groups.total.rows) / 100},
                           {"pending", r.pending ? nlohmann::ordered_json(pending[t.group]) : nlohmann::ordered_json()}});
  }
  return j;
}

std::string StatsCsv(const StatsReport& r) {
  std::map<std::string, int> pending = PendingByGroup(r);
  std::string out = kUtf8Bom + CsvLine({ToString(r.by), "name", "agreements", "agencies", "share", "pending"});
  char share[32];
  for (const Tally& t : r.groups.groups) {
    std::snprintf(share, sizeof share, "%.4f", Share(t.rows, r.groups.total.rows) / 100);
    out += CsvLine({t.group, GroupName(t, r.by), std::to_string(t.rows), std::to_string(t.agencies), share,
                    r.pending ? std::to_string(pending[t.group]) : ""});
  }
  out += CsvLine({"total", "", std::to_string(r.groups.total.rows), std::to_string(r.groups.total.agencies),
                  r.groups.total.rows ? "1.0000" : "0.0000",
                  r.pending ? std::to_string(r.pending_groups.total.rows) : ""});
  return out;
}

}  // namespace icetrack
