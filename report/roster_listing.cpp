#include "report/roster_listing.h"

#include <cstdio>

#include "report/csv.h"

namespace icetrack {

namespace {

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

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

nlohmann::ordered_json RosterListingJson(const RosterListing& listing) {
  nlohmann::ordered_json j;
  j["list"] = ToString(listing.list);
  j["at"] = listing.at;
  if (listing.snapshot) {
    j["snapshot"] = {{"id", listing.snapshot->id},
                     {"published_at", listing.snapshot->published_at},
                     {"source_name", listing.snapshot->source_name}};
  } else {
    j["snapshot"] = nullptr;
  }
  j["count"] = listing.entries.size();
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  const std::vector<std::string>& columns = RosterColumns();
  for (const RosterEntry& e : listing.entries) {
    std::vector<std::string> fields = RosterFields(e);
    nlohmann::ordered_json row;
    for (size_t i = 0; i < columns.size(); ++i) row[columns[i]] = OrNull(fields[i]);
    row["agreement_id"] = e.agreement_id;
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();
    for (const auto& [header, value] : e.row.extra) extra[header] = value;
    row["extra"] = extra;
    rows.push_back(std::move(row));
  }
  j["rows"] = std::move(rows);
  return j;
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
