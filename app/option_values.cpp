#include "app/option_values.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "model/ascii_text.h"
#include "model/text_fold.h"
#include "parser/field_values.h"
#include "parser/us_states.h"

namespace icetrack {

namespace {

Status Refused(const std::string& option, const std::string& text, const std::string& expected) {
  return Status::Error(option + ": \"" + text + "\" is not " + expected);
}

}  // namespace

CLI::Validator Within(double low, double high) {
  char range[64];
  std::snprintf(range, sizeof range, "a number from %g to %g", low, high);
  return CLI::Validator(
      [low, high, text = std::string(range)](std::string& value) -> std::string {
        char* end = nullptr;
        double v = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !std::isfinite(v) || v < low || v > high)
          return "\"" + value + "\" is not " + text;
        return "";
      },
      range);
}

CLI::Validator NonEmptyPath() {
  return CLI::Validator([](std::string& v) { return v.empty() ? std::string("the path is empty") : ""; }, "");
}

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
  for (size_t start = 0; start <= text.size();) {
    size_t comma = std::min(text.find(',', start), text.size());
    std::string kind = text.substr(start, comma - start);
    start = comma + 1;
    kind.erase(0, kind.find_first_not_of(' '));
    kind.erase(kind.find_last_not_of(' ') + 1);
    if (kind.empty()) return Status::Error(option + ": \"" + text + "\" names an empty event kind");
    EventKind parsed;
    if (!ParseEventKind(LowerAscii(kind), &parsed))
      return Refused(option, kind, "an event kind (signed, removed, renewed, moa_published, …: see README)");
    out->push_back(parsed);
  }
  return Status::Ok();
}

Status ReadAgreementQuery(const std::string& text, const std::optional<std::string>& state,
                          const std::optional<std::string>& model, const std::optional<std::string>& list,
                          AgreementQuery* out) {
  out->text = text;
  Status s;
  if (state) s = ParseStateOption("--state", *state, &out->state_code);
  if (s.ok() && model) s = ParseModelOption("--model", *model, &out->model);
  if (s.ok() && list) s = ParseListOption("--list", *list, &out->list.emplace());
  if (s.ok() && !IsValidUtf8(text))
    s = Status::Error("TEXT: is not UTF-8 text (set a UTF-8 locale, or write the name in ASCII)");
  if (s.ok() && FoldForKey(text).empty())
    s = Status::Error("TEXT: \"" + text + "\" holds no letter or digit to look for");
  return s;
}

}  // namespace icetrack
