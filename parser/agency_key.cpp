#include "parser/agency_key.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "parser/text.h"

namespace icetrack {

std::string AgencyKey(const RosterRow& row) {
  std::string state = row.state_code.empty() ? "?" + FoldForKey(row.state) : row.state_code;
  std::string model = row.model == Model::Unknown ? "?" + FoldForKey(row.model_raw) : ToString(row.model);
  return state + "|" + FoldForKey(row.agency) + "|" + model;
}

std::vector<Warning> SeparateDuplicateKeys(std::vector<RosterRow>* rows) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < rows->size(); ++i) groups[(*rows)[i].key].push_back(i);
  std::vector<Warning> warnings;
  for (auto& [key, members] : groups) {
    if (members.size() < 2) continue;
    auto content = [&](size_t i) {
      const RosterRow& r = (*rows)[i];
      return std::tie(r.signed_date, r.signed_raw, r.agency, r.county, r.agency_type, r.moa_url,
                      r.addendum_url, r.state, r.model_raw);
    };
    std::stable_sort(members.begin(), members.end(),
                     [&](size_t a, size_t b) { return content(a) < content(b); });
    int first_row = (*rows)[members[0]].source_row;
    for (size_t n = 1; n < members.size(); ++n) {
      RosterRow& r = (*rows)[members[n]];
      r.key = key + "#" + std::to_string(n + 1);
      warnings.push_back({r.source_row, "",
                          "same agency and model as row " + std::to_string(first_row) +
                              " (key " + key + "); kept apart as " + r.key});
    }
  }
  std::sort(warnings.begin(), warnings.end(),
            [](const Warning& a, const Warning& b) { return a.row < b.row; });
  return warnings;
}

}  // namespace icetrack
