#include "net/http_response.h"

#include "net/content_disposition.h"
#include "net/retry_after.h"

namespace icetrack {

std::string HttpResponse::filename() const {
  return ContentDispositionFilename(headers.Get("Content-Disposition"));
}

std::optional<std::chrono::seconds> HttpResponse::retry_after(
    std::chrono::system_clock::time_point now) const {
  return ParseRetryAfter(headers.Get("Retry-After"), now);
}

}  // namespace icetrack
