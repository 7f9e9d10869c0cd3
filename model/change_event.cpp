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
};

}  // namespace

const char* ToString(EventKind kind) { return NameIn(kKinds, kind); }

bool ParseEventKind(std::string_view text, EventKind* out) { return ValueIn(kKinds, text, out); }

}  // namespace icetrack
