#include "model/change_event.h"

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<EventKind> kKinds[] = {
    {EventKind::Baseline, "baseline"},
    {EventKind::Signed, "signed"},
    {EventKind::Missing, "missing"},
    {EventKind::Reappeared, "reappeared"},
    {EventKind::Removed, "removed"},
    {EventKind::Renewed, "renewed"},
    {EventKind::SignedDateCorrected, "signed_date_corrected"},
    {EventKind::MoaPublished, "moa_published"},
    {EventKind::MoaChanged, "moa_changed"},
    {EventKind::AddendumAdded, "addendum_added"},
    {EventKind::Corrected, "corrected"},
    {EventKind::Renamed, "renamed"},
    {EventKind::PendingAdded, "pending_added"},
    {EventKind::PendingRemoved, "pending_removed"},
    {EventKind::Approved, "approved"},
    {EventKind::SuspiciousSnapshot, "suspicious_snapshot"},
    {EventKind::TotalsMismatch, "totals_mismatch"},
    {EventKind::SourceFailing, "source_failing"},
    {EventKind::SourceRecovered, "source_recovered"},
    {EventKind::MoaDocumentChanged, "moa_document_changed"},
    {EventKind::MoaMissing, "moa_missing"},
    {EventKind::MoaFoundUnlinked, "moa_found_unlinked"},
};

}  // namespace

const char* ToString(EventKind kind) { return NameIn(kKinds, kind); }

bool ParseEventKind(std::string_view text, EventKind* out) { return ValueIn(kKinds, text, out); }

const std::vector<EventKind>& AllEventKinds() {
  static const std::vector<EventKind> all = [] {
    std::vector<EventKind> v;
    for (const EnumName<EventKind>& k : kKinds) v.push_back(k.value);
    return v;
  }();
  return all;
}

bool IsNotice(EventKind kind) {
  return kind == EventKind::SuspiciousSnapshot || kind == EventKind::TotalsMismatch ||
         kind == EventKind::SourceFailing || kind == EventKind::SourceRecovered;
}

bool DerivedFromWorkbooks(EventKind kind) {
  return kind != EventKind::TotalsMismatch && kind != EventKind::SourceFailing && kind != EventKind::SourceRecovered &&
         kind != EventKind::MoaDocumentChanged && kind != EventKind::MoaMissing &&
         kind != EventKind::MoaFoundUnlinked;
}

}  // namespace icetrack
