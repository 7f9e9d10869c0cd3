#include "app/option_values.h"

#include <sstream>

#include "model/ascii_text.h"
#include "parser/field_values.h"
#include "parser/us_states.h"

namespace icetrack {

namespace {

Status Refused(const std::string& option, const std::string& text, const std::string& expected) {
  return Status::Error(option + ": \"" + text + "\" is not " + expected);
}

}  // namespace

Status ParseStateOption(const std::string& option, const std::string& text, std::string* code) {
  int distance = 0;
  std::string found = StateCode(text, &distance);
  // Written, not guessed: a code or a name, not a typo of one.
  if (found.empty() || distance != 0)
    return Refused(option, text, "a state: write its two-letter code (FL) or its name (Florida)");
  *code = found;
  return Status::Ok();
}

Status ParseModelOption(const std::string& option, const std::string& text, Model* out) {
  Model model = ModelFromText(text);
  if (model == Model::Unknown) return Refused(option, text, "a 287(g) model: write JEM, TFM or WSO");
  *out = model;
  return Status::Ok();
}

Status ParseListOption(const std::string& option, const std::string& text, ListKind* out) {
  if (!ParseListKind(LowerAscii(text), out)) return Refused(option, text, "a list: write participating or pending");
  return Status::Ok();
}

Status ParseKindsOption(const std::string& option, const std::string& text, std::vector<EventKind>* out) {
  out->clear();
  std::stringstream in(text);
  for (std::string kind; std::getline(in, kind, ',');) {
    kind.erase(0, kind.find_first_not_of(' '));
    kind.erase(kind.find_last_not_of(' ') + 1);
    EventKind parsed;
    if (!ParseEventKind(LowerAscii(kind), &parsed))
      return Refused(option, kind, "an event kind (signed, removed, renewed, moa_published, …: see README)");
    out->push_back(parsed);
  }
  if (out->empty()) return Status::Error(option + ": no event kind given");
  return Status::Ok();
}

}  // namespace icetrack
