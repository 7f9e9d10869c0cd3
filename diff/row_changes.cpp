#include "diff/row_changes.h"

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

}  // namespace

ChangeEvent EventFor(EventKind kind, ListKind list, const RosterRow& row) {
  ChangeEvent e;
  e.kind = kind;
  e.list = list;
  e.key = row.key;
  e.state_code = row.state_code;
  e.agency = row.agency;
  e.model = row.model;
  return e;
}

std::vector<ChangeEvent> RowChanges(ListKind list, const RosterRow& before, const RosterRow& after,
                                    const std::set<std::string>& fields) {
  auto has = [&](const char* field) { return fields.count(field) > 0; };
  std::vector<ChangeEvent> events;
  auto add = [&](EventKind kind, std::vector<FieldChange> changes) {
    ChangeEvent e = EventFor(kind, list, after);
    e.changes = std::move(changes);
    events.push_back(std::move(e));
  };
  bool both_dated = !before.signed_date.empty() && !after.signed_date.empty();
  if (has("signed") && both_dated && before.signed_date != after.signed_date)
    add(EventKind::Resigned, {{"signed", before.signed_date, after.signed_date}});

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
