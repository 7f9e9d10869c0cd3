#include "report/agreement_story.h"

#include <algorithm>
#include <map>

#include "model/text_fold.h"
#include "report/event_format.h"
#include "report/translate.h"

namespace icetrack {

namespace {

std::string DayOf(const std::string& time) { return time.substr(0, 10); }

// What a reader would ask next about the step: when it was signed, since when it was pending.
std::string StoryDetail(const ChangeEvent& e, Language l) {
  std::string out;
  auto add = [&out](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
  switch (e.kind) {
    case EventKind::Signed:
    case EventKind::Renewed:
    case EventKind::Approved:
      if (!e.signed_date.empty()) add(Fill(Tr(l, "signed {1}"), {e.signed_date}));
      if (!e.since.empty()) add(Fill(Tr(l, "pending since {1}"), {DayOf(e.since)}));
      break;
    case EventKind::MoaPublished:
    case EventKind::MoaChanged:
      if (!e.moa_url.empty()) add(e.moa_url);
      break;
    case EventKind::Missing:
    case EventKind::Reappeared:
    case EventKind::Removed:
      if (!e.detail.empty()) add(e.detail);
      break;
    default:
      for (const FieldChange& c : e.changes)
        add(c.field + " " + (c.old_value.empty() ? "-" : c.old_value) + " → " + (c.new_value.empty() ? "-" : c.new_value));
  }
  return out;
}

// "  JEM  participating list, present — listed 2025-02-01 .. 2026-05-01, signed 2025-01-15, Polk County"
std::string AgreementLine(const AgreementHistory& h) {
  const RosterRow& r = h.current;
  std::string line = std::string("  ") + ToString(r.model) + "  " + ToString(h.list) + " list, " + ToString(h.status) +
                     " — listed " + DayOf(h.first_seen) + " .. " + DayOf(h.last_seen);
  if (!r.signed_date.empty()) line += ", signed " + r.signed_date;
  if (!r.county.empty()) line += ", " + r.county;
  line += "\n";
  if (!r.moa_url.empty()) line += "       MOA " + r.moa_url + "\n";
  if (!r.addendum_url.empty()) line += "       addendum " + r.addendum_url + "\n";
  return line;
}

// An agency is its state and its name as keys fold it: its pending
// application and its agreements of every model are one story.
std::string AgencyOf(const AgreementHistory& h) { return h.current.state_code + "|" + FoldForKey(h.current.agency); }

}  // namespace

std::string StoryWords(const ChangeEvent& e, Language l) {
  bool pending = e.list == ListKind::Pending;
  switch (e.kind) {
    case EventKind::Baseline: return pending ? Tr(l, "on the pending list") : Tr(l, "listed");
    case EventKind::Signed: return Tr(l, "signed");
    case EventKind::Missing: return pending ? Tr(l, "missing from the pending list") : Tr(l, "missing from the roster");
    case EventKind::Reappeared: return pending ? Tr(l, "back on the pending list") : Tr(l, "back on the roster");
    case EventKind::Removed: return Tr(l, "ended: no longer on the roster");
    case EventKind::Renewed: return Tr(l, "signed again");
    case EventKind::SignedDateCorrected: return Tr(l, "SIGNED date corrected");
    case EventKind::MoaPublished: return TrN(l, "MOA published", "MOAs published", 1);  // the digest's words
    case EventKind::MoaChanged: return Tr(l, "MOA changed");
    case EventKind::AddendumAdded: return Tr(l, "addendum published");
    case EventKind::Corrected: return Tr(l, "details corrected");
    case EventKind::Renamed: return Tr(l, "renamed");
    case EventKind::PendingAdded: return Tr(l, "applied");
    case EventKind::PendingRemoved: return Tr(l, "left the pending list, not signed");
    case EventKind::Approved: return Tr(l, "approved");
    // Notices about the publishing, not about an agreement (the feed, the log's readers):
    case EventKind::SuspiciousSnapshot: return Tr(l, "publication held back as suspicious");
    case EventKind::TotalsMismatch: return Tr(l, "counts differ from the page's totals");
    case EventKind::SourceFailing: return Tr(l, "source failing");
    case EventKind::SourceRecovered: return Tr(l, "source recovered");
    case EventKind::MoaDocumentChanged: return Tr(l, "MOA document changed");
    case EventKind::MoaMissing: return TrN(l, "MOA document gone (404)", "MOA documents gone (404)", 1);
    case EventKind::MoaFoundUnlinked: return TrN(l, "MOA found before the roster links it", "MOAs found before the roster links them", 1);
  }
  return ToString(e.kind);
}

std::string StoryLine(const StoredEvent& e, Language l) {
  std::string line = DayOf(e.at) + "  " + StoryWords(e.event, l);
  std::string detail = StoryDetail(e.event, l);
  if (!detail.empty()) line += " — " + detail;
  return line;
}

std::vector<StoredEvent> MergeStory(const std::vector<std::vector<StoredEvent>>& histories) {
  std::vector<StoredEvent> out;
  for (const auto& events : histories) out.insert(out.end(), events.begin(), events.end());
  std::stable_sort(out.begin(), out.end(), [](const StoredEvent& a, const StoredEvent& b) {
    if (a.at != b.at) return a.at < b.at;
    bool a_pending = a.event.list == ListKind::Pending, b_pending = b.event.list == ListKind::Pending;
    if (a_pending != b_pending) return a_pending;
    return a.id < b.id;
  });
  return out;
}

std::string ShowText(const std::vector<AgreementHistory>& found) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const AgreementHistory*>> agencies;
  for (const AgreementHistory& h : found) {
    auto& group = agencies[AgencyOf(h)];
    if (group.empty()) order.push_back(AgencyOf(h));
    group.push_back(&h);
  }
  std::string out;
  for (const std::string& agency : order) {
    const auto& group = agencies[agency];
    out += group.front()->current.state_code + "  " + group.front()->current.agency + "\n";
    std::vector<std::vector<StoredEvent>> histories;
    for (const AgreementHistory* h : group) {
      out += AgreementLine(*h);
      histories.push_back(h->events);
    }
    for (const StoredEvent& e : MergeStory(histories)) out += "    " + StoryLine(e) + "\n";
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json ShowJson(const std::vector<AgreementHistory>& found) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const AgreementHistory& h : found) {
    const RosterRow& r = h.current;
    nlohmann::ordered_json j = {{"key", h.key}, {"list", ToString(h.list)}, {"status", ToString(h.status)},
                                {"state_code", r.state_code}, {"agency", r.agency}, {"model", ToString(r.model)},
                                {"signed", r.signed_date}, {"moa_url", r.moa_url},
                                {"first_seen", h.first_seen}, {"last_seen", h.last_seen}};
    j["events"] = nlohmann::ordered_json::array();
    j["story"] = nlohmann::ordered_json::array();
    for (const StoredEvent& e : h.events) {
      j["events"].push_back(EventJson(e));
      j["story"].push_back({{"at", e.at}, {"event", e.id}, {"words", StoryWords(e.event)}});
    }
    all.push_back(j);
  }
  return all;
}

}  // namespace icetrack
