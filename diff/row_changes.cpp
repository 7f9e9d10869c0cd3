#include "diff/row_changes.h"

#include <algorithm>
#include <cstdlib>

#include "model/edit_distance.h"
#include "model/utc_time.h"

namespace icetrack {

namespace {

std::string ExtraText(const RosterRow& row) {
  std::string out;
  for (const auto& [header, value] : row.extra) out += header + "=" + value + "; ";
  return out;
}

void Compare(const char* field, const std::string& a, const std::string& b,
             std::vector<FieldChange>* out) {
  if (a != b) out->push_back({field, a, b});
}

// "moved 3 days earlier", "moved 1 year later".
std::string MoveText(const CivilDate& before, const CivilDate& after) {
  int64_t days = DaysFromCivil(after) - DaysFromCivil(before);
  std::string direction = days < 0 ? " earlier" : " later";
  int64_t n = std::llabs(days);
  if (before.month == after.month && before.day == after.day) {
    int years = std::abs(after.year - before.year);
    return "moved " + std::to_string(years) + (years == 1 ? " year" : " years") + direction;
  }
  return "moved " + std::to_string(n) + (n == 1 ? " day" : " days") + direction;
}

}  // namespace

EventKind SignedDateMove(const RosterRow& before, const RosterRow& after, const std::string& at) {
  CivilDate a, b;
  if (!ParseIsoDate(before.signed_date, &a) || !ParseIsoDate(after.signed_date, &b))
    return EventKind::SignedDateCorrected;
  if (before.moa_url.empty() && after.moa_url.empty()) return EventKind::SignedDateCorrected;
  if (std::llabs(DaysFromCivil(b) - DaysFromCivil(a)) <= kMaxCorrectionDays) return EventKind::SignedDateCorrected;
  if (a.month != b.month || a.day != b.day) return EventKind::Renewed;
  if (std::abs(a.year - b.year) == 1) return EventKind::SignedDateCorrected;
  UtcTime published;
  bool impossible = ParseIsoTime(at, &published) && std::max(DaysFromCivil(a), DaysFromCivil(b)) * 86400 > published.seconds;
  if (impossible && EditDistance(std::to_string(a.year), std::to_string(b.year), 1) <= 1)
    return EventKind::SignedDateCorrected;
  return EventKind::Renewed;
}

ChangeEvent EventFor(EventKind kind, ListKind list, const RosterRow& row) {
  ChangeEvent e;
  e.kind = kind;
  e.list = list;
  e.key = row.key;
  e.state_code = row.state_code;
  e.agency = row.agency;
  e.model = row.model;
  e.agency_type = row.agency_type;
  e.county = row.county;
  e.signed_date = row.signed_date;
  e.moa_url = row.moa_url;
  return e;
}

void PrependCorrection(ListKind list, const RosterRow& row, std::vector<FieldChange> changes,
                       std::vector<ChangeEvent>* events) {
  for (ChangeEvent& e : *events) {
    if (e.kind != EventKind::Corrected) continue;
    changes.insert(changes.end(), e.changes.begin(), e.changes.end());
    e.changes = std::move(changes);
    return;
  }
  ChangeEvent e = EventFor(EventKind::Corrected, list, row);
  e.changes = std::move(changes);
  events->insert(events->begin(), std::move(e));
}

std::vector<ChangeEvent> RowChanges(ListKind list, const RosterRow& before, const RosterRow& after,
                                    const std::set<std::string>& fields, const std::string& at) {
  auto has = [&](const char* field) { return fields.count(field) > 0; };
  std::vector<ChangeEvent> events;
  auto add = [&](EventKind kind, std::vector<FieldChange> changes) -> ChangeEvent& {
    ChangeEvent e = EventFor(kind, list, after);
    e.changes = std::move(changes);
    events.push_back(std::move(e));
    return events.back();
  };
  bool both_dated = !before.signed_date.empty() && !after.signed_date.empty();
  if (has("signed") && both_dated && before.signed_date != after.signed_date) {
    ChangeEvent& e = add(SignedDateMove(before, after, at), {{"signed", before.signed_date, after.signed_date}});
    CivilDate a, b;
    if (ParseIsoDate(before.signed_date, &a) && ParseIsoDate(after.signed_date, &b)) e.detail = MoveText(a, b);
  }

  if (!has("moa")) {
    // no MOA column on one side: nothing to compare
  } else if (before.moa_status != LinkStatus::Link && after.moa_status == LinkStatus::Link) {
    add(EventKind::MoaPublished, {{"moa_status", ToString(before.moa_status), "link"},
                                  {"moa_url", before.moa_url, after.moa_url}});
  } else if (before.moa_status != after.moa_status || before.moa_url != after.moa_url) {
    std::vector<FieldChange> c;
    Compare("moa_status", ToString(before.moa_status), ToString(after.moa_status), &c);
    Compare("moa_url", before.moa_url, after.moa_url, &c);
    add(EventKind::MoaChanged, std::move(c));
  }

  if (has("addendum") && before.addendum_url.empty() && !after.addendum_url.empty())
    add(EventKind::AddendumAdded, {{"addendum_url", "", after.addendum_url}});

  std::vector<FieldChange> corrected;
  if (has("agency_type")) Compare("agency_type", before.agency_type, after.agency_type, &corrected);
  if (has("county")) Compare("county", before.county, after.county, &corrected);
  if (has("signed") && !both_dated && (before.signed_date != after.signed_date || before.signed_raw != after.signed_raw))
    corrected.push_back({"signed", before.signed_date.empty() ? before.signed_raw : before.signed_date,
                         after.signed_date.empty() ? after.signed_raw : after.signed_date});
  if (has("addendum") && !before.addendum_url.empty() && before.addendum_url != after.addendum_url)
    corrected.push_back({"addendum_url", before.addendum_url, after.addendum_url});
  Compare("extra", ExtraText(before), ExtraText(after), &corrected);
  if (!corrected.empty()) add(EventKind::Corrected, std::move(corrected));
  return events;
}

}  // namespace icetrack
