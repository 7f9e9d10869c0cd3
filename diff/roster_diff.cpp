#include "diff/roster_diff.h"

#include "diff/rename_match.h"
#include "diff/row_changes.h"

namespace icetrack {

namespace {

void Append(std::vector<ChangeEvent>* out, std::vector<ChangeEvent> more) {
  out->insert(out->end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

ChangeEvent Baseline(const Roster& roster) {
  ChangeEvent e;
  e.kind = EventKind::Baseline;
  e.list = roster.kind;
  e.detail = std::to_string(roster.rows.size()) + " rows in the first publication of the " +
             ToString(roster.kind) + " list";
  return e;
}

ChangeEvent Renamed(ListKind list, const RosterRow& before, const RosterRow& after) {
  ChangeEvent e = EventFor(EventKind::Renamed, list, after);
  if (before.agency != after.agency) e.changes.push_back({"agency", before.agency, after.agency});
  e.changes.push_back({"key", before.key, after.key});
  return e;
}

// One publication of one list, step by step; see DiffRoster.
class Step {
 public:
  Step(const ListState& prev, const Roster& roster, const std::string& at, const OtherList& other,
       const DiffOptions& options)
      : prev_(prev), roster_(roster), at_(at), other_(other), options_(options),
        participating_(roster.kind == ListKind::Participating) {}

  ListUpdate Run() {
    out_.next.has_baseline = true;
    out_.next.fields.insert(roster_.fields.begin(), roster_.fields.end());
    for (const std::string& f : roster_.fields) {
      if (prev_.fields.count(f)) shared_fields_.insert(f);
    }
    for (const RosterRow& row : roster_.rows) out_.next.present[row.key] = row;
    if (!prev_.has_baseline) {
      out_.events.push_back(Baseline(roster_));
      return std::move(out_);
    }
    SortRows();
    MatchAndReportRenames();
    ReportAdded();
    ReportStayed();
    ReportGone();
    AgeMissing();
    return std::move(out_);
  }

 private:
  // Splits keys into stayed, back (were missing), added (new) and gone.
  void SortRows() {
    for (const RosterRow& row : roster_.rows) {
      if (prev_.present.count(row.key)) stayed_.push_back(&row);
      else if (prev_.missing.count(row.key)) back_.push_back(&row);
      else added_.push_back(&row);
    }
    for (const auto& [key, row] : prev_.present) {
      if (!out_.next.present.count(key)) gone_.push_back(&row);
    }
    for (const auto& [key, missing] : prev_.missing) {
      if (!out_.next.present.count(key)) still_missing_.push_back(&missing.row);
    }
  }

  void MatchAndReportRenames() {
    std::vector<const RosterRow*> candidates = gone_;
    candidates.insert(candidates.end(), still_missing_.begin(), still_missing_.end());
    std::vector<bool> added_taken(added_.size()), candidate_taken(candidates.size());
    for (auto [g, a] : MatchRenames(candidates, added_)) {
      const RosterRow& before = *candidates[g];
      const RosterRow& after = *added_[a];
      candidate_taken[g] = added_taken[a] = true;
      renamed_old_.insert(before.key);
      out_.renamed[after.key] = before.key;
      if (g >= gone_.size()) {  // it had gone missing earlier: it is back, renamed
        out_.events.push_back(EventFor(EventKind::Reappeared, roster_.kind, before));
      }
      out_.events.push_back(Renamed(roster_.kind, before, after));
      Append(&out_.events, RowChanges(roster_.kind, before, after, shared_fields_));
    }
    std::vector<const RosterRow*> rest;
    for (size_t i = 0; i < added_.size(); ++i) {
      if (!added_taken[i]) rest.push_back(added_[i]);
    }
    added_ = rest;
  }

  void ReportAdded() {
    for (const RosterRow* row : added_) {
      if (!participating_) {
        out_.events.push_back(EventFor(EventKind::PendingAdded, roster_.kind, *row));
        continue;
      }
      ChangeEvent e = EventFor(EventKind::Signed, roster_.kind, *row);
      auto pending = other_.pending_since.find(row->key);
      if (pending != other_.pending_since.end()) {
        e.since = pending->second;
        e.detail = "pending since " + pending->second;
      }
      out_.events.push_back(std::move(e));
    }
    for (const RosterRow* row : back_) {
      const MissingRow& was = prev_.missing.at(row->key);
      ChangeEvent e = EventFor(EventKind::Reappeared, roster_.kind, *row);
      e.since = was.since;
      e.detail = "back after " + std::to_string(was.misses) + " publication(s) without it";
      out_.events.push_back(std::move(e));
      Append(&out_.events, RowChanges(roster_.kind, was.row, *row, shared_fields_));
    }
  }

  void ReportStayed() {
    for (const RosterRow* row : stayed_) {
      Append(&out_.events, RowChanges(roster_.kind, prev_.present.at(row->key), *row, shared_fields_));
    }
  }

  void ReportGone() {
    for (const RosterRow* row : gone_) {
      if (renamed_old_.count(row->key)) continue;
      if (!participating_) {
        bool signed_now = other_.participating.count(row->key) > 0;
        out_.events.push_back(EventFor(signed_now ? EventKind::Approved : EventKind::PendingRemoved,
                                       roster_.kind, *row));
        continue;
      }
      out_.events.push_back(EventFor(EventKind::Missing, roster_.kind, *row));
      MissingRow missing{*row, 1, at_};
      if (!ConfirmRemoval(missing)) out_.next.missing[row->key] = std::move(missing);
    }
  }

  void AgeMissing() {
    for (const RosterRow* row : still_missing_) {
      if (renamed_old_.count(row->key)) continue;
      MissingRow missing = prev_.missing.at(row->key);
      ++missing.misses;
      if (!ConfirmRemoval(missing)) out_.next.missing[row->key] = std::move(missing);
    }
  }

  // Emits `removed` once a row has been absent long enough; true if it did.
  bool ConfirmRemoval(const MissingRow& missing) {
    if (missing.misses < options_.removal_after) return false;
    ChangeEvent e = EventFor(EventKind::Removed, roster_.kind, missing.row);
    e.since = missing.since;
    e.detail = "absent from " + std::to_string(missing.misses) + " consecutive publications";
    out_.events.push_back(std::move(e));
    return true;
  }

  const ListState& prev_;
  const Roster& roster_;
  const std::string& at_;
  const OtherList& other_;
  const DiffOptions& options_;
  const bool participating_;
  ListUpdate out_;
  std::vector<const RosterRow*> stayed_, back_, added_, gone_, still_missing_;
  std::set<std::string> renamed_old_;
  std::set<std::string> shared_fields_;  // columns both publications have
};

}  // namespace

ListUpdate DiffRoster(const ListState& previous, const Roster& roster, const std::string& at,
                      const OtherList& other, const DiffOptions& options) {
  return Step(previous, roster, at, other, options).Run();
}

bool Reconciles(ListKind list, const std::vector<ChangeEvent>& events, size_t previous_rows,
                size_t new_rows) {
  long delta = static_cast<long>(new_rows) - static_cast<long>(previous_rows);
  long sum = 0;
  for (const ChangeEvent& e : events) {
    if (e.kind == EventKind::Baseline) return true;
    if (list == ListKind::Participating) {
      if (e.kind == EventKind::Signed || e.kind == EventKind::Reappeared) ++sum;
      if (e.kind == EventKind::Missing) --sum;
    } else {
      if (e.kind == EventKind::PendingAdded) ++sum;
      if (e.kind == EventKind::PendingRemoved || e.kind == EventKind::Approved) --sum;
    }
  }
  return sum == delta;
}

}  // namespace icetrack
