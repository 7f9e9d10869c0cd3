#include "parser/agency_key.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <tuple>

#include "parser/text.h"

namespace icetrack {

std::string AgencyKey(const RosterRow& row) {
  std::string key = row.state_code.empty() ? "?" + FoldForKey(row.state) : row.state_code;
  std::string agency = FoldForKey(row.agency);
  key.reserve(key.size() + agency.size() + 16);
  key.append("|").append(agency).append("|");
  if (row.model == Model::Unknown) key.append("?").append(FoldForKey(row.model_raw));
  else key.append(ToString(row.model));
  return key;
}

namespace {

// The rows sharing a key, each group in row order. Rows are ordered by a hash
// of their key first: integers compared, not keys (nearly all keys are
// unique), and one allocation instead of a map node, a key copy and a
// vector a row.
std::vector<std::vector<size_t>> SharedKeys(const std::vector<RosterRow>& rows) {
  std::vector<std::pair<uint64_t, size_t>> order;  // (hash of the key, index)
  order.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) order.emplace_back(std::hash<std::string>{}(rows[i].key), i);
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    int keys = rows[a.second].key.compare(rows[b.second].key);
    return keys != 0 ? keys < 0 : a.second < b.second;
  });
  std::vector<std::vector<size_t>> groups;
  for (size_t start = 0, end = 0; start < order.size(); start = end) {
    const std::string& key = rows[order[start].second].key;
    for (end = start + 1; end < order.size() && order[end].first == order[start].first &&
                          rows[order[end].second].key == key;
         ++end) {
    }
    if (end - start < 2) continue;
    groups.emplace_back();
    for (size_t k = start; k < end; ++k) groups.back().push_back(order[k].second);
  }
  return groups;
}

}  // namespace

bool ContentBefore(const RosterRow& a, const RosterRow& b) {
  auto content = [](const RosterRow& r) {
    return std::tie(r.signed_date, r.signed_raw, r.agency, r.county, r.agency_type, r.moa_url, r.addendum_url,
                    r.state, r.model_raw);
  };
  return content(a) < content(b);
}

std::string KeptApartKey(const std::string& key, size_t n) { return key + "#" + std::to_string(n); }

Warning KeptApartWarning(int row, int first_row, const std::string& key, const std::string& apart) {
  return {row, "",
          "same agency and model as row " + std::to_string(first_row) + " (key " + key + "); kept apart as " + apart};
}

void SortWarnings(std::vector<Warning>* warnings) {
  std::sort(warnings->begin(), warnings->end(), [](const Warning& a, const Warning& b) {
    return std::tie(a.row, a.column, a.message) < std::tie(b.row, b.column, b.message);
  });
}

std::vector<Warning> SeparateDuplicateKeys(std::vector<RosterRow>* rows) {
  std::vector<Warning> warnings;
  for (std::vector<size_t>& members : SharedKeys(*rows)) {
    const std::string key = (*rows)[members[0]].key;
    std::stable_sort(members.begin(), members.end(),
                     [&](size_t a, size_t b) { return ContentBefore((*rows)[a], (*rows)[b]); });
    int first_row = (*rows)[members[0]].source_row;
    for (size_t n = 1; n < members.size(); ++n) {
      RosterRow& r = (*rows)[members[n]];
      r.key = KeptApartKey(key, n + 1);
      warnings.push_back(KeptApartWarning(r.source_row, first_row, key, r.key));
    }
  }
  SortWarnings(&warnings);
  return warnings;
}

}  // namespace icetrack
