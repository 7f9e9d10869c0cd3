// HttpRequest: what the caller asks of HttpClient::Fetch. A plain value.
//
// GET is the default; any other method is sent as given (POST and PUT send
// `body`). The conditional fields carry what a previous response said, so an
// unchanged resource comes back as 304 without a body.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace icetrack {

struct HttpRequest {
  std::string url;                 // http:// or https:// only
  std::string method = "GET";
  std::string body;                // sent for methods other than GET and HEAD
  std::vector<std::pair<std::string, std::string>> headers;  // extra fields, e.g. Content-Type
  std::string if_none_match;       // a stored ETag, sent verbatim (quotes included)
  std::string if_modified_since;   // a stored Last-Modified, sent verbatim
};

}  // namespace icetrack
