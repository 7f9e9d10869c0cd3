#include "model/change_event.h"

namespace icetrack {

namespace {

struct KindName {
  EventKind kind;
  const char* name;
};

constexpr KindName kKinds[] = {
    {EventKind::Baseline, "baseline"},
    {EventKind::Signed, "signed"},
    {EventKind::Missing, "missing"},
    {EventKind::Reappeared, "reappeared"},
    {EventKind::Removed, "removed"},
    {EventKind::Resigned, "resigned"},
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

const char* ToString(EventKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "";
}

bool ParseEventKind(const std::string& text, EventKind* out) {
  for (const KindName& k : kKinds) {
    if (text == k.name) {
      *out = k.kind;
      return true;
    }
  }
  return false;
}

}  // namespace icetrack
