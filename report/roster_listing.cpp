#include "report/roster_listing.h"

#include <cstdio>
#include <set>
#include <string_view>

#include "report/csv.h"

namespace icetrack {

namespace {

// "Polk, County": where the agency is and what it is.
std::string WhereText(const RosterRow& row) {
  std::string out = row.county;
  if (!row.agency_type.empty() && row.agency_type != row.county) out += (out.empty() ? "" : ", ") + row.agency_type;
  return out;
}

}  // namespace

const std::vector<std::string>& RosterColumns() {
  static const std::vector<std::string> columns = {
      "list",         "state_code", "state",       "agency",       "agency_type",  "county",
      "model",        "signed",     "moa_url",     "moa_status",   "addendum_url", "first_listed",
      "last_changed", "agreement_id", "key"};
  return columns;
}

std::vector<std::string> RosterFields(const RosterEntry& e) {
  const RosterRow& r = e.row;
  return {ToString(e.list), r.state_code,   r.state,          r.agency,         r.agency_type,
          r.county,         ToString(r.model), r.signed_date, r.moa_url,        ToString(r.moa_status),
          r.addendum_url,   e.first_listed, e.last_changed,   std::to_string(e.agreement_id), r.key};
}

std::string RosterCsv(const std::vector<RosterEntry>& entries) {
  std::string out = kUtf8Bom + CsvLine(RosterColumns());
  for (const RosterEntry& e : entries) out += CsvLine(RosterFields(e));
  return out;
}

void WriteRosterListingJson(JsonWriter* w, const RosterListing& listing) {
  w->BeginObject();
  w->Key("list");
  w->String(ToString(listing.list));
  w->Key("at");
  w->String(listing.at);
  w->Key("snapshot");
  if (listing.snapshot) {
    w->BeginObject();
    w->Key("id");
    w->Number(listing.snapshot->id);
    w->Key("published_at");
    w->String(listing.snapshot->published_at);
    w->Key("source_name");
    w->String(listing.snapshot->source_name);
    w->EndObject();
  } else {
    w->Null();
  }
  w->Key("count");
  w->Number(static_cast<int64_t>(listing.entries.size()));
  w->Key("rows");
  w->BeginArray();
  const std::vector<std::string>& columns = RosterColumns();
  for (const RosterEntry& e : listing.entries) {
    std::vector<std::string> fields = RosterFields(e);
    w->BeginObject();
    for (size_t i = 0; i < columns.size(); ++i) {
      w->Key(columns[i]);
      if (columns[i] == "agreement_id") w->Number(e.agreement_id);
      else w->StringOrNull(fields[i]);
    }
    w->Key("extra");
    w->BeginObject();
    std::set<std::string_view> seen;  // a header twice: its first column (a JSON key is said once)
    for (const auto& [header, value] : e.row.extra) {
      if (!seen.insert(header).second) continue;
      w->Key(header);
      w->String(value);
    }
    w->EndObject();
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

nlohmann::ordered_json RosterListingJson(const RosterListing& listing) {
  std::string text;
  JsonWriter w(&text);
  WriteRosterListingJson(&w, listing);
  return nlohmann::ordered_json::parse(text);
}

std::string RosterText(const RosterListing& listing) {
  std::string out;
  if (!listing.snapshot) return out;
  const SnapshotInfo& s = *listing.snapshot;
  out += "The " + std::string(ToString(listing.list)) + " list as of " + listing.at + ": " +
         std::to_string(listing.entries.size()) + (listing.entries.size() == 1 ? " row" : " rows") +
         " (snapshot #" + std::to_string(s.id) + ", published " + s.published_at + ", " + s.source_name + ")\n";
  for (const RosterEntry& e : listing.entries) {
    const RosterRow& r = e.row;
    char head[64];
    std::snprintf(head, sizeof head, "%-2s  %-3s  %-10s  ", r.state_code.c_str(), ToString(r.model),
                  r.signed_date.c_str());
    std::string line = head + r.agency;
    std::string where = WhereText(r);
    if (!where.empty()) line += " (" + where + ")";
    if (!r.moa_url.empty()) line += "  MOA " + r.moa_url;
    if (!r.addendum_url.empty()) line += "  addendum " + r.addendum_url;
    out += line + "\n";
  }
  return out;
}

}  // namespace icetrack
