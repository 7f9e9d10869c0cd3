#include "model/fetch_outcome.h"

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<FetchOutcome> kOutcomes[] = {
    {FetchOutcome::Ok, "ok"},
    {FetchOutcome::NotModified, "not_modified"},
    {FetchOutcome::Duplicate, "duplicate"},
    {FetchOutcome::Quarantined, "quarantined"},
    {FetchOutcome::Incomplete, "incomplete"},
    {FetchOutcome::Error, "error"},
    {FetchOutcome::NotAWorkbook, "not_a_workbook"},
    {FetchOutcome::ParseError, "parse_error"},
};

}  // namespace

const char* ToString(FetchOutcome outcome) { return NameIn(kOutcomes, outcome); }

bool ParseFetchOutcome(std::string_view text, FetchOutcome* out) { return ValueIn(kOutcomes, text, out); }

const std::vector<FetchOutcome>& AllFetchOutcomes() {
  static const std::vector<FetchOutcome> all = [] {
    std::vector<FetchOutcome> v;
    for (const EnumName<FetchOutcome>& e : kOutcomes) v.push_back(e.value);
    return v;
  }();
  return all;
}

bool GivesValidators(FetchOutcome outcome) {
  return outcome == FetchOutcome::Ok || outcome == FetchOutcome::NotModified || outcome == FetchOutcome::Duplicate;
}

}  // namespace icetrack
