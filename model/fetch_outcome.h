// FetchOutcome: what came of one HTTP request of a tracking cycle, as the
// fetch log records it. One typed name for what app/ decides, store/ keeps
// (and selects on in SQL) and tests and docs name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

enum class FetchOutcome {
  Ok,            // read and recorded (a new snapshot, or a late one kept without events)
  NotModified,   // 304: the resource is what it was
  Duplicate,     // new response, bytes already stored
  Quarantined,   // read, stored, and held back from the change log (see diff/publication.h)
  Incomplete,    // a page cut short, or one whose workbooks did not all succeed: read again next run
  Error,         // no usable response
  NotAWorkbook,  // a response that is no workbook (an HTML block page sent with 200)
  ParseError,    // a response that could not be read
};

const char* ToString(FetchOutcome outcome);  // "ok", "not_modified", "duplicate", …
bool ParseFetchOutcome(std::string_view text, FetchOutcome* out);
const std::vector<FetchOutcome>& AllFetchOutcomes();

// The outcomes whose validators (ETag, Last-Modified) may make the next
// request conditional: the resource was read completely and all is recorded.
bool GivesValidators(FetchOutcome outcome);

}  // namespace icetrack
