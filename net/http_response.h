// HttpResponse: what came back from the last attempt of a fetch. A plain value.
//
// Holds the final response only: after redirects, `final_url` is where the
// body came from and `headers` are that response's. The accessors read the
// headers on demand; each returns "" (or nullopt) when the server sent nothing
// usable, never a guess.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "net/http_headers.h"

namespace icetrack {

struct HttpResponse {
  long status = 0;          // HTTP status code; 0 when no response arrived
  std::string final_url;    // effective URL after redirects
  HttpHeaders headers;      // of the final response
  std::string body;         // decoded (gzip, deflate, br) body

  bool not_modified() const { return status == 304; }
  std::string etag() const { return headers.Get("ETag"); }
  std::string last_modified() const { return headers.Get("Last-Modified"); }
  std::string content_type() const { return headers.Get("Content-Type"); }
  // The bare file name suggested by Content-Disposition (see content_disposition.h).
  std::string filename() const;
  // Retry-After as a wait from `now` (see retry_after.h).
  std::optional<std::chrono::seconds> retry_after(
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const;
};

}  // namespace icetrack
