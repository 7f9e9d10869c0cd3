#include "report/digest.h"

#include <algorithm>
#include <map>

#include "report/markup_text.h"
#include "report/translate.h"

namespace icetrack {

namespace {

// A kind's place in a digest (lower first) and its heading's words.
struct KindWords {
  EventKind kind;
  PluralMessage words;  // "agreement signed", "agreements signed"
};

constexpr KindWords kOrder[] = {
    {EventKind::Baseline, Plural("list now tracked", "lists now tracked")},
    {EventKind::Signed, Plural("agreement signed", "agreements signed")},
    {EventKind::Removed, Plural("agreement removed (ended)", "agreements removed (ended)")},
    {EventKind::Approved, Plural("pending application approved", "pending applications approved")},
    {EventKind::Renewed, Plural("agreement signed again (renewed)", "agreements signed again (renewed)")},
    {EventKind::MoaPublished, Plural("MOA published", "MOAs published")},
    {EventKind::MoaFoundUnlinked, Plural("MOA found before the roster links it", "MOAs found before the roster links them")},
    {EventKind::Reappeared, Plural("agreement back on the list", "agreements back on the list")},
    {EventKind::PendingAdded, Plural("new application pending", "new applications pending")},
    {EventKind::PendingRemoved, Plural("application off the pending list", "applications off the pending list")},
    {EventKind::AddendumAdded, Plural("addendum added", "addenda added")},
    {EventKind::MoaChanged, Plural("MOA link changed", "MOA links changed")},
    {EventKind::MoaDocumentChanged, Plural("MOA document changed behind its link", "MOA documents changed behind their links")},
    {EventKind::MoaMissing, Plural("MOA document gone (404)", "MOA documents gone (404)")},
    {EventKind::Renamed, Plural("agency renamed", "agencies renamed")},
    {EventKind::Corrected, Plural("listing corrected by ICE", "listings corrected by ICE")},
    {EventKind::SignedDateCorrected, Plural("SIGNED date corrected by ICE", "SIGNED dates corrected by ICE")},
    {EventKind::Missing, Plural("agreement missing (not yet removed)", "agreements missing (not yet removed)")},
    {EventKind::SuspiciousSnapshot, Plural("publication quarantined", "publications quarantined")},
    {EventKind::TotalsMismatch, Plural("disagreement with ICE's own totals", "disagreements with ICE's own totals")},
    {EventKind::SourceFailing, Plural("source that cannot be read", "sources that cannot be read")},
    {EventKind::SourceRecovered, Plural("source readable again", "sources readable again")},
};

size_t Rank(EventKind kind) {
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (kOrder[i].kind == kind) return i;
  }
  return std::size(kOrder);
}

std::string Counted(size_t n, EventKind kind, Language l) {
  size_t r = Rank(kind);
  if (r == std::size(kOrder)) return std::to_string(n) + " " + ToString(kind);
  return std::to_string(n) + " " + TrN(l, kOrder[r].words.one, kOrder[r].words.many, n);
}

// "FL 2, TX 1": most first.
std::string StatesOf(const std::vector<const StoredEvent*>& events) {
  std::map<std::string, int> counts;
  for (const StoredEvent* e : events) {
    if (!e->event.state_code.empty()) ++counts[e->event.state_code];
  }
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [state, n] : sorted) out += (out.empty() ? "" : ", ") + state + " " + std::to_string(n);
  return out;
}

std::string ChangesText(const ChangeEvent& e) {
  std::string out;
  for (const FieldChange& c : e.changes) {
    if (c.field == kFieldKey) continue;  // the reader's words are the fields, not icetrack's keys
    out += (out.empty() ? "" : "; ") + c.field + " " + (c.old_value.empty() ? "-" : c.old_value) + " → " +
           (c.new_value.empty() ? "-" : c.new_value);
  }
  return out;
}

DigestLine LineOf(const StoredEvent& s, Language l) {
  const ChangeEvent& e = s.event;
  DigestLine line;
  if (IsNotice(e.kind)) {
    line.text = e.detail;
    if (e.kind == EventKind::SuspiciousSnapshot && s.snapshot_id)
      line.text += Fill(Tr(l, "; review it, then `icetrack accept {1}`"), {std::to_string(s.snapshot_id)});
    if (!e.key.empty()) line.text = e.key + ": " + line.text;
    line.text += " (" + s.at.substr(0, 10) + ")";
    return line;
  }
  std::string where = e.state_code;
  if (e.model != Model::Unknown) where += (where.empty() ? "" : ", ") + std::string(ToString(e.model));
  line.text = e.agency + (where.empty() ? "" : " (" + where + ")");
  if (!e.county.empty() && e.agency.find(e.county) == std::string::npos) line.text += ", " + e.county;
  if (!e.signed_date.empty()) line.text += " — " + Fill(Tr(l, "signed {1}"), {e.signed_date});
  std::string changes = ChangesText(e);
  if (!changes.empty()) line.text += " — " + changes;
  if (!e.since.empty() && (e.kind == EventKind::Signed || e.kind == EventKind::Approved))
    line.text += " — " + Fill(Tr(l, "pending since {1}"), {e.since.substr(0, 10)});
  if (!e.since.empty() && e.kind == EventKind::Removed)
    line.text += " — " + Fill(Tr(l, "off the list since {1}"), {e.since.substr(0, 10)});
  line.text += " — " + Fill(Tr(l, "published {1}"), {s.at.substr(0, 10)});
  line.url = e.moa_url;
  return line;
}

}  // namespace

bool IsWebLink(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

std::string EscapeHtml(const std::string& text) { return MarkupText(text); }

// "now tracking 571 agreements (the participating list published 2025-05-15)"
std::string TrackingLine(const StoredEvent& e, Language l) {
  std::string rows = e.event.detail.substr(0, e.event.detail.find_first_not_of("0123456789"));
  std::string day = e.at.substr(0, 10);
  unsigned long n = rows.empty() || rows.size() > 9 ? 0 : std::stoul(rows);
  if (e.event.list == ListKind::Pending)
    return rows.empty() ? Fill(Tr(l, "now tracking the pending applications (published {1})"), {day})
                        : Fill(TrN(l, "now tracking {1} pending application (the pending list published {2})",
                                   "now tracking {1} pending applications (the pending list published {2})", n),
                               {rows, day});
  return rows.empty() ? Fill(Tr(l, "now tracking the agreements (published {1})"), {day})
                      : Fill(TrN(l, "now tracking {1} agreement (the participating list published {2})",
                                 "now tracking {1} agreements (the participating list published {2})", n),
                             {rows, day});
}

Digest BuildDigest(const std::vector<StoredEvent>& events, bool test, Language l) {
  Digest d;
  d.language = l;
  d.events = events.size();
  std::map<size_t, std::vector<const StoredEvent*>> by_kind;
  for (const StoredEvent& e : events) by_kind[Rank(e.event.kind)].push_back(&e);
  std::vector<std::string> headline;
  for (const auto& [rank, group] : by_kind) {
    EventKind kind = group.front()->event.kind;
    DigestSection section;
    if (kind == EventKind::Baseline) {
      // One short notice per list, never the rows one by one.
      for (const StoredEvent* e : group) section.lines.push_back({TrackingLine(*e, l), ""});
      section.heading = Tr(l, "Now tracking");
    } else {
      std::string states = StatesOf(group);
      section.heading = Counted(group.size(), kind, l) + (states.empty() ? "" : ": " + states);
      for (const StoredEvent* e : group) section.lines.push_back(LineOf(*e, l));
    }
    if (headline.size() < 2)
      headline.push_back(kind == EventKind::Baseline ? Tr(l, "now tracking") : Counted(group.size(), kind, l));
    d.sections.push_back(std::move(section));
  }
  std::string title;
  for (const std::string& h : headline) title += (title.empty() ? "" : ", ") + h;
  if (by_kind.size() > headline.size()) title += Tr(l, ", and more");
  d.title = std::string(test ? Tr(l, "[test] ") : "") +
            Fill(Tr(l, "icetrack: {1} (ICE 287(g))"), {title.empty() ? Tr(l, "no changes") : title});
  return d;
}

std::string Digest::Text() const {
  std::string out;
  for (const DigestSection& s : sections) {
    if (!out.empty()) out += "\n";
    out += s.heading + "\n";
    for (const DigestLine& line : s.lines) out += "- " + line.text + (line.url.empty() ? "" : " — MOA " + line.url) + "\n";
  }
  return out;
}

std::string Digest::Html() const {
  std::string out = "<!DOCTYPE html><html lang=\"" + std::string(ToString(language)) + "\"><head><meta charset=\"utf-8\"><title>" + EscapeHtml(title) +
                    "</title></head><body style=\"font-family:sans-serif\">";
  for (const DigestSection& s : sections) {
    out += "<h2>" + EscapeHtml(s.heading) + "</h2><ul>";
    for (const DigestLine& line : s.lines) {
      out += "<li>" + EscapeHtml(line.text);
      if (IsWebLink(line.url)) out += " <a href=\"" + EscapeHtml(line.url) + "\">MOA</a>";
      out += "</li>";
    }
    out += "</ul>";
  }
  return out + "<p style=\"color:#555\">" +
         EscapeHtml(Tr(language, "Sent by icetrack, which tracks the 287(g) agreements ICE publishes.")) +
         "</p></body></html>";
}

std::vector<StoredEvent> SampleEvents() {
  StoredEvent signed_event;
  signed_event.id = 1;
  signed_event.uid = "sample";
  signed_event.at = "2026-03-05T16:49:28Z";
  ChangeEvent& e = signed_event.event;
  e.kind = EventKind::Signed;
  e.list = ListKind::Participating;
  e.state_code = "FL";
  e.agency = "Sample County Sheriff's Office";
  e.model = Model::TFM;
  e.agency_type = "County";
  e.county = "Sample County";
  e.signed_date = "2026-03-01";
  e.moa_url = "https://www.ice.gov/doclib/287gMOA/SampleCoSheriffsOfficeFL_TFM_MOA_03012026.pdf";
  return {signed_event};
}

}  // namespace icetrack
