// Downloads of one tracking cycle: the 287(g) page and the workbooks it links.
//
// Promises: one GET each through HttpClient (so its retries, timeouts and
// body cap apply) against the cycle's RetryBudget; conditional when the
// caller passes the validators of the last good fetch, in which case a 304
// comes back as `not_modified` with no body, which costs no parsing. A workbook
// body must start with the zip signature "PK\x03\x04": anything else (an HTML
// block page sent with 200, an empty body) is an error and its bytes are
// dropped, so nothing derived from it can be stored. The workbook's file name
// is the one Content-Disposition gives (ICE's Drupal downloads carry it only
// there), else the last segment of the URL the body came from. Never parses
// HTML or zip content, never touches the store; whatever the outcome, `*out`
// says what the server answered, for the fetch log.
#pragma once

#include <string>
#include <string_view>

#include "model/status.h"
#include "net/http_client.h"

namespace icetrack {

// What the last good fetch of a URL said, to make the next one conditional.
struct Validators {
  std::string etag;           // sent as If-None-Match, verbatim
  std::string last_modified;  // sent as If-Modified-Since, verbatim
};

struct Download {
  std::string url;             // as requested
  std::string final_url;       // after redirects; "" when no response arrived
  long status = 0;             // of the final response; 0 when none arrived
  bool not_modified = false;   // 304: `body` is empty and the resource is what it was
  bool not_a_workbook = false; // the transfer worked but the body is no workbook
  std::string etag, last_modified;  // as the server sent them ("" when absent)
  std::string file_name;       // workbooks only; "" when none can be told
  std::string body;            // "" on failure and on 304
};

// Fetches the page at `url`. Fails (naming the URL) when no 2xx/304 came back.
Status FetchPage(const HttpClient& client, const RetryBudget& budget, const std::string& url,
                 const Validators& validators, Download* out);

// Downloads the workbook at `url`. Fails as FetchPage does, and also when the
// body is not a workbook (then `not_a_workbook` is set and `body` emptied).
Status DownloadWorkbook(const HttpClient& client, const RetryBudget& budget, const std::string& url,
                        const Validators& validators, Download* out);

// Whether a body is a PDF: it starts with "%PDF-" (an MOA link that serves an
// HTML page, a login form or nothing is not one).
bool IsPdfBody(std::string_view body);

// The bare, percent-decoded last path segment of `url` ("" when it ends in "/").
std::string UrlFileName(const std::string& url);
// UrlFileName made safe to write: never "", "." or "..", no control
// characters or separators ('_' instead), at most kMaxSafeName bytes (its
// extension kept), `fallback` when there is no name.
constexpr size_t kMaxSafeName = 150;
std::string SafeFileName(const std::string& url, const std::string& fallback);

}  // namespace icetrack
