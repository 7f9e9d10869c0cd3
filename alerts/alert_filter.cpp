#include "alerts/alert_filter.h"

#include <algorithm>

#include "model/text_fold.h"

namespace icetrack {
namespace {

template <typename T>
bool AnyOrHas(const std::vector<T>& wanted, const T& value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

bool AboutSource(EventKind kind) { return kind == EventKind::SourceFailing || kind == EventKind::SourceRecovered; }

bool AboutAgreement(const ChangeEvent& e) { return !IsNotice(e.kind) && e.kind != EventKind::Baseline; }

// Whole words, in order: " harris county " within " harris county sheriffs office ".
bool HasWords(const std::string& name, const std::string& words) {
  std::string folded = FoldForKey(words);
  if (folded.empty()) return true;
  return (" " + FoldForKey(name) + " ").find(" " + folded + " ") != std::string::npos;
}

// The value a field had before the event, when the event changed it ("" otherwise).
std::string OldValue(const ChangeEvent& e, const char* field) {
  for (const FieldChange& c : e.changes) {
    if (c.field == field) return c.old_value;
  }
  return "";
}

// An agreement that moved (a state or model corrected, an agency renamed)
// concerns those who followed it before as well as those who follow it now.
bool StateWanted(const AlertFilter& f, const ChangeEvent& e) {
  if (AnyOrHas(f.states, e.state_code)) return true;
  std::string old_state = OldValue(e, kFieldState);
  return !old_state.empty() && AnyOrHas(f.states, old_state);
}

bool ModelWanted(const AlertFilter& f, const ChangeEvent& e) {
  if (AnyOrHas(f.models, e.model)) return true;
  Model old_model = Model::Unknown;
  return ParseModel(OldValue(e, kFieldModel), &old_model) && AnyOrHas(f.models, old_model);
}

bool NameWanted(const AlertFilter& f, const ChangeEvent& e) {
  if (f.match.empty()) return true;
  std::string old_agency = OldValue(e, kFieldAgency);
  return std::any_of(f.match.begin(), f.match.end(), [&](const std::string& m) {
    return HasWords(e.agency, m) || HasWords(e.county, m) || (!old_agency.empty() && HasWords(old_agency, m));
  });
}

}  // namespace

bool Wants(const AlertFilter& filter, const ChangeEvent& event) {
  const std::vector<EventKind>& kinds = filter.kinds.empty() ? DefaultAlertKinds() : filter.kinds;
  if (std::find(kinds.begin(), kinds.end(), event.kind) == kinds.end()) return false;
  if (AboutSource(event.kind)) return true;
  if (!AnyOrHas(filter.lists, event.list)) return false;
  if (!AboutAgreement(event)) return true;
  return StateWanted(filter, event) && ModelWanted(filter, event) && NameWanted(filter, event);
}

}  // namespace icetrack
