// ChangeEvent: one thing that happened to a published list between two
// publications, as people care about it ("Polk County signed a TFM agreement").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/roster.h"

namespace icetrack {

enum class EventKind {
  Baseline,            // first publication of a list: its rows, not a signing each
  Signed,              // participating: a new agreement (a key never seen, or one removed and back
                       // with another SIGNED date)
  Missing,             // participating: a key of the previous publication is absent (provisional)
  Reappeared,          // participating: a missing (or removed) agreement is back as it was
  Removed,             // participating: absent for N publications and D days (confirmed)
  Renewed,             // the SIGNED date moved beyond what a correction explains: signed again
  SignedDateCorrected, // the SIGNED date moved as ICE fixes its dates (days, a typed year)
  MoaPublished,        // MOA status pending/none -> link
  MoaChanged,          // MOA URL or status changed otherwise
  AddendumAdded,       // an addendum URL appeared
  Corrected,           // agency type, county, a state or model fixed, or another field changed
  Renamed,             // a missing and a new row are one agency under a new name
  PendingAdded,        // pending: a new application
  PendingRemoved,      // pending: an application left the list, not (yet) signed
  Approved,            // pending: an application left the list and is signed
  SuspiciousSnapshot,  // a publication was quarantined instead of diffed
  TotalsMismatch,      // parsed counts differ from the page's stated totals
  SourceFailing,       // the page or a workbook could not be read for several runs in a row
  SourceRecovered,     // ... and now could again
  MoaDocumentChanged,  // an MOA or addendum link, unchanged in the roster, now serves other bytes
  MoaMissing,          // an MOA or addendum the roster links answers 404 (or 410)
  MoaFoundUnlinked,    // an agreement's MOA found where ICE's naming predicts it, before the roster links it
};

const char* ToString(EventKind kind);  // "signed", "pending_added", …
bool ParseEventKind(std::string_view text, EventKind* out);
const std::vector<EventKind>& AllEventKinds();

// Operational notices (about the publishing, not about an agreement):
// suspicious_snapshot, totals_mismatch, source_failing, source_recovered.
bool IsNotice(EventKind kind);
// Whether the stored workbooks give the event again (a rebuild recomputes
// it); false for what came from the page, the fetch log or the MOA documents.
bool DerivedFromWorkbooks(EventKind kind);

// FieldChange::field for a row's identity (the diff writes them; filters and
// digests read them). Other fields are named by their column ("signed", "moa_url", …).
inline constexpr char kFieldState[] = "state";
inline constexpr char kFieldModel[] = "model";
inline constexpr char kFieldAgency[] = "agency";
inline constexpr char kFieldKey[] = "key";

struct FieldChange {
  std::string field;
  std::string old_value, new_value;  // empty = none
};

struct ChangeEvent {
  EventKind kind = EventKind::Baseline;
  ListKind list = ListKind::Participating;
  std::string key;         // agreement key (the new key for renamed and corrected)
  // The row as of the event (the last one seen, for missing and removed).
  std::string state_code;
  std::string agency;
  Model model = Model::Unknown;
  std::string agency_type, county;
  std::string signed_date;  // YYYY-MM-DD, empty when unknown
  std::string moa_url;
  std::vector<FieldChange> changes;
  std::string since;       // removed: when it went missing; signed/approved: pending since
  std::string detail;      // human-readable note (baseline size, quarantine reason, …)
};

}  // namespace icetrack
