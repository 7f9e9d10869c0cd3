#include "diff/roster_diff.h"

#include <deque>

#include "diff/correction_match.h"
#include "diff/rename_match.h"
#include "diff/row_changes.h"
#include "model/utc_time.h"

namespace icetrack {

namespace {

void Append(std::vector<ChangeEvent>* out, std::vector<ChangeEvent> more) {
  out->insert(out->end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

ChangeEvent Baseline(const PackedRoster& roster) {
  ChangeEvent e;
  e.kind = EventKind::Baseline;
  e.list = roster.kind;
  e.detail = std::to_string(roster.rows.size()) + " rows in the first publication of the " +
             ToString(roster.kind) + " list";
  return e;
}

std::string StateText(const RosterRow& r) { return r.state_code.empty() ? r.state : r.state_code; }
std::string ModelText(const RosterRow& r) { return r.model == Model::Unknown ? r.model_raw : ToString(r.model); }

// "2026-03-06T14:39:22Z" -> "2026-03-06".
std::string DayOf(const std::string& time) { return time.substr(0, 10); }

void AddDetail(ChangeEvent* e, const std::string& more) {
  e->detail += (e->detail.empty() ? "" : "; ") + more;
}

// One publication of one list, step by step; see DiffRoster.
class Step {
 public:
  Step(const ListState& prev, const PackedRoster& roster, const std::string& at, const OtherList& other,
       const DiffOptions& options)
      : prev_(prev), roster_(roster), at_(at), other_(other), options_(options),
        participating_(roster.kind == ListKind::Participating) {}

  ListUpdate Run() {
    out_.next.has_baseline = true;
    out_.next.fields.insert(roster_.fields.begin(), roster_.fields.end());
    for (const std::string& f : roster_.fields) {
      if (prev_.fields.count(f)) shared_fields_.insert(f);
    }
    out_.next.present = KeyedRows(roster_.rows);  // the rows themselves shared, not copied
    if (!prev_.has_baseline) {
      out_.events.push_back(Baseline(roster_));
      return std::move(out_);
    }
    out_.next.removed = prev_.removed;
    SortRows();
    MatchCorrected();
    MatchRenamed();
    ReportAdded();
    ReportBack();
    ReportStayed();
    ReportGone();
    AgeMissing();
    return std::move(out_);
  }

 private:
  // Splits keys into stayed, back (were missing), returned (were removed, same
  // SIGNED date), added (new agreements) and gone (left now or earlier).
  // Only the rows that did not stay are unpacked.
  void SortRows() {
    for (const PackedRow& row : roster_.rows) {
      const std::string_view key = row.key();
      auto removed = prev_.removed.find(key);
      if (const PackedRow* was = prev_.present.Find(key)) stayed_.emplace_back(was, &row);
      else if (prev_.missing.count(key)) back_.push_back(Unpacked(row));
      else if (participating_ && removed != prev_.removed.end() && removed->second.row.signed_date == row.signed_date())
        returned_.push_back(Unpacked(row));
      else added_.push_back(Unpacked(row));
    }
    for (const PackedRow* row : Absent(prev_.present)) gone_.push_back(Unpacked(*row));
    for (const MissingRow* missing : Absent(prev_.missing)) still_missing_.push_back(&missing->row);
  }

  const RosterRow* Unpacked(const PackedRow& row) {
    unpacked_.push_back(row.Unpack());
    return &unpacked_.back();
  }

  // The rows of `earlier` (present or missing rows, by key) whose key this
  // publication does not have, in key order. Both maps are in key order:
  // walked side by side, not searched once a row.
  static std::string_view KeyOf(const PackedRow& row) { return row.key(); }
  static std::string_view KeyOf(const std::pair<const std::string, MissingRow>& m) { return m.first; }
  static const PackedRow& Item(const PackedRow& row) { return row; }
  static const MissingRow& Item(const std::pair<const std::string, MissingRow>& m) { return m.second; }
  template <typename Rows>
  auto Absent(const Rows& earlier) const -> std::vector<decltype(&Item(*earlier.begin()))> {
    std::vector<decltype(&Item(*earlier.begin()))> out;
    auto now = out_.next.present.begin();
    for (const auto& entry : earlier) {
      while (now != out_.next.present.end() && now->key() < KeyOf(entry)) ++now;
      if (now == out_.next.present.end() || now->key() != KeyOf(entry)) out.push_back(&Item(entry));
    }
    return out;
  }

  // Rows that left, now or earlier, and are not yet known to be another's old self.
  std::vector<const RosterRow*> Unmatched(std::vector<bool>* gone_now) const {
    std::vector<const RosterRow*> rows;
    for (const auto* group : {&gone_, &still_missing_}) {
      for (const RosterRow* row : *group) {
        if (rekeyed_old_.count(row->key)) continue;
        rows.push_back(row);
        gone_now->push_back(group == &gone_);
      }
    }
    return rows;
  }

  void MatchCorrected() {
    std::vector<bool> gone_now;
    std::vector<const RosterRow*> gone = Unmatched(&gone_now);
    std::vector<CorrectionCandidate> candidates;
    for (size_t i = 0; i < gone.size(); ++i) candidates.push_back({gone[i], gone_now[i]});
    TakeAdded(MatchCorrections(candidates, added_), gone, gone_now, EventKind::Corrected);
  }

  void MatchRenamed() {
    std::vector<bool> gone_now;
    std::vector<const RosterRow*> gone = Unmatched(&gone_now);
    TakeAdded(MatchRenames(gone, added_), gone, gone_now, EventKind::Renamed);
  }

  // Records each (gone, added) pair as one agreement under a new key, and
  // leaves the added rows that were not paired.
  void TakeAdded(const std::vector<std::pair<size_t, size_t>>& pairs, const std::vector<const RosterRow*>& gone,
                 const std::vector<bool>& gone_now, EventKind kind) {
    std::vector<bool> taken(added_.size());
    for (auto [g, a] : pairs) {
      taken[a] = true;
      Rekey(*gone[g], *added_[a], !gone_now[g], kind);
    }
    std::vector<const RosterRow*> rest;
    for (size_t i = 0; i < added_.size(); ++i) {
      if (!taken[i]) rest.push_back(added_[i]);
    }
    added_ = rest;
  }

  void Rekey(const RosterRow& before, const RosterRow& after, bool was_missing, EventKind kind) {
    rekeyed_old_.insert(before.key);
    out_.rekeyed[after.key] = before.key;
    TakeKey(after.key);
    if (was_missing) out_.events.push_back(EventFor(EventKind::Reappeared, roster_.kind, before));
    std::vector<FieldChange> identity;
    if (kind == EventKind::Corrected) {
      if (StateText(before) != StateText(after)) identity.push_back({kFieldState, StateText(before), StateText(after)});
      if (ModelText(before) != ModelText(after)) identity.push_back({kFieldModel, ModelText(before), ModelText(after)});
    } else if (before.agency != after.agency) {
      identity.push_back({kFieldAgency, before.agency, after.agency});
    }
    identity.push_back({kFieldKey, before.key, after.key});
    std::vector<ChangeEvent> events = RowChanges(roster_.kind, before, after, shared_fields_, at_);
    if (kind == EventKind::Corrected) {
      PrependCorrection(roster_.kind, after, std::move(identity), &events);
    } else {
      ChangeEvent renamed = EventFor(EventKind::Renamed, roster_.kind, after);
      renamed.changes = std::move(identity);
      out_.events.push_back(std::move(renamed));
    }
    Append(&out_.events, std::move(events));
  }

  // A key that a removed agreement held now names another one: the old one
  // is retired (kept as removed under another key).
  void TakeKey(const std::string& key) {
    if (!out_.next.removed.erase(key)) return;
    out_.retired.insert(key);
  }

  void ReportAdded() {
    for (const RosterRow* row : added_) {
      if (!participating_) {
        out_.next.removed.erase(row->key);  // an application back on the list: the same one
        out_.events.push_back(EventFor(EventKind::PendingAdded, roster_.kind, *row));
        continue;
      }
      ChangeEvent e = EventFor(EventKind::Signed, roster_.kind, *row);
      auto pending = other_.pending_since.find(row->key);
      if (pending != other_.pending_since.end()) {
        e.since = pending->second;
        AddDetail(&e, "pending since " + pending->second);
      }
      auto earlier = prev_.removed.find(row->key);
      if (earlier != prev_.removed.end()) {
        const RemovedRow& was = earlier->second;
        AddDetail(&e, "a new agreement: the earlier one (signed " +
                          (was.row.signed_date.empty() ? std::string("on an unknown date") : was.row.signed_date) +
                          ") was reported removed on " + DayOf(was.removed_at));
        TakeKey(row->key);
      }
      out_.events.push_back(std::move(e));
    }
  }

  void ReportBack() {
    for (const RosterRow* row : back_) {
      const MissingRow& was = prev_.missing.at(row->key);
      ChangeEvent e = EventFor(EventKind::Reappeared, roster_.kind, *row);
      e.since = was.since;
      e.detail = "back after " + std::to_string(was.misses) + " publication(s) without it";
      out_.events.push_back(std::move(e));
      Append(&out_.events, RowChanges(roster_.kind, was.row, *row, shared_fields_, at_));
    }
    for (const RosterRow* row : returned_) {
      const RemovedRow& was = prev_.removed.at(row->key);
      out_.next.removed.erase(row->key);
      ChangeEvent e = EventFor(EventKind::Reappeared, roster_.kind, *row);
      e.since = was.since;
      e.detail = "back with the same SIGNED date after being reported removed on " + DayOf(was.removed_at) +
                 " (missing since " + DayOf(was.since) + ")";
      out_.events.push_back(std::move(e));
      Append(&out_.events, RowChanges(roster_.kind, was.row, *row, shared_fields_, at_));
    }
  }

  void ReportStayed() {
    for (auto [was, row] : stayed_) {
      if (was->SameFields(*row)) continue;  // most rows: nothing to unpack, no event
      Append(&out_.events, RowChanges(roster_.kind, was->Unpack(), row->Unpack(), shared_fields_, at_));
    }
  }

  void ReportGone() {
    for (const RosterRow* row : gone_) {
      if (rekeyed_old_.count(row->key)) continue;
      if (!participating_) {
        bool signed_now = other_.participating.count(row->key) > 0;
        out_.events.push_back(EventFor(signed_now ? EventKind::Approved : EventKind::PendingRemoved,
                                       roster_.kind, *row));
        out_.next.removed[row->key] = RemovedRow{*row, at_, at_};
        continue;
      }
      out_.events.push_back(EventFor(EventKind::Missing, roster_.kind, *row));
      Age(MissingRow{*row, 1, at_});
    }
  }

  void AgeMissing() {
    for (const RosterRow* row : still_missing_) {
      if (rekeyed_old_.count(row->key)) continue;
      MissingRow missing = prev_.missing.at(row->key);
      ++missing.misses;
      Age(std::move(missing));
    }
  }

  // Keeps a missing row missing, or confirms its removal once it has been
  // absent from enough publications over enough days.
  void Age(MissingRow missing) {
    UtcTime since, now;
    bool long_enough = ParseIsoTime(missing.since, &since) && ParseIsoTime(at_, &now) &&
                       now.seconds - since.seconds >= int64_t{options_.removal_after_days} * 86400;
    const std::string key = missing.row.key;
    if (missing.misses < options_.removal_after || !long_enough) {
      out_.next.missing[key] = std::move(missing);
      return;
    }
    ChangeEvent e = EventFor(EventKind::Removed, roster_.kind, missing.row);
    e.since = missing.since;
    e.detail = "absent from " + std::to_string(missing.misses) + " consecutive publications over " +
               std::to_string(DaysBetween(since, now)) + " days";
    out_.events.push_back(std::move(e));
    out_.next.removed[key] = RemovedRow{std::move(missing.row), missing.since, at_};
  }

  const ListState& prev_;
  const PackedRoster& roster_;
  const std::string& at_;
  const OtherList& other_;
  const DiffOptions& options_;
  const bool participating_;
  ListUpdate out_;
  std::vector<std::pair<const PackedRow*, const PackedRow*>> stayed_;  // (as it was, as it is)
  std::deque<RosterRow> unpacked_;  // the rows below point here
  std::vector<const RosterRow*> back_, returned_, added_, gone_, still_missing_;
  std::set<std::string> rekeyed_old_;    // keys of rows that live on under a new key
  std::set<std::string> shared_fields_;  // columns both publications have
};

}  // namespace

ListUpdate DiffRoster(const ListState& previous, const PackedRoster& roster, const std::string& at,
                      const OtherList& other, const DiffOptions& options) {
  return Step(previous, roster, at, other, options).Run();
}

ListUpdate DiffRoster(const ListState& previous, const Roster& roster, const std::string& at,
                      const OtherList& other, const DiffOptions& options) {
  return DiffRoster(previous, Pack(roster), at, other, options);
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
