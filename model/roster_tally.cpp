#include "model/roster_tally.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<Grouping> kGroupings[] = {
    {Grouping::State, "state"}, {Grouping::Model, "model"}, {Grouping::StateModel, "state,model"}};
constexpr EnumName<TallyOrder> kOrders[] = {{TallyOrder::Count, "count"}, {TallyOrder::Name, "name"}};

std::string StateOf(const RosterRow& row) { return row.state_code.empty() ? kUnknownState : row.state_code; }

std::string GroupOf(const RosterRow& row, Grouping by) {
  std::string model = row.model == Model::Unknown ? kUnknownModel : ToString(row.model);
  if (by == Grouping::State) return StateOf(row);
  if (by == Grouping::Model) return model;
  return StateOf(row) + " " + model;
}

// An agency across its models: its state and the folded name in its key.
std::string AgencyOf(const RosterRow& row) {
  return (row.state_code.empty() ? row.state : row.state_code) + "|" + KeyName(row.key);
}

// Rows and distinct agencies of a set of entries being counted.
struct Counter {
  std::string state_code;
  int rows = 0;
  std::set<std::string> agencies;
  void Add(const RosterRow& row) {
    ++rows;
    agencies.insert(AgencyOf(row));
  }
};

Tally TallyOf(std::string group, const Counter& c) {
  return Tally{std::move(group), c.state_code, c.rows, static_cast<int>(c.agencies.size())};
}

}  // namespace

const char* ToString(Grouping grouping) { return NameIn(kGroupings, grouping); }
bool ParseGrouping(std::string_view text, Grouping* out) { return ValueIn(kGroupings, text, out); }
const char* ToString(TallyOrder order) { return NameIn(kOrders, order); }
bool ParseTallyOrder(std::string_view text, TallyOrder* out) { return ValueIn(kOrders, text, out); }

RosterTally TallyRoster(const std::vector<RosterEntry>& entries, Grouping by, TallyOrder order) {
  Counter total;
  std::map<std::string, Counter> groups;
  std::set<std::string> states;
  for (const RosterEntry& e : entries) {
    total.Add(e.row);
    Counter& group = groups[GroupOf(e.row, by)];
    if (by != Grouping::Model) group.state_code = e.row.state_code;
    group.Add(e.row);
    if (!e.row.state_code.empty()) states.insert(e.row.state_code);
  }
  RosterTally tally;
  tally.total = TallyOf("", total);
  tally.states = static_cast<int>(states.size());
  for (const auto& [name, counter] : groups) tally.groups.push_back(TallyOf(name, counter));
  if (order == TallyOrder::Count) {
    std::stable_sort(tally.groups.begin(), tally.groups.end(),
                     [](const Tally& a, const Tally& b) { return a.rows > b.rows; });
  }
  return tally;
}

}  // namespace icetrack
