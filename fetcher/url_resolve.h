// URL references resolved the way RFC 3986 section 5 says.
//
// Promises: SplitUrl never fails (every string is some reference);
// ResolveUrl implements the strict algorithm of 5.2.2 with merge (5.2.3) and
// remove_dot_segments (5.2.4), so "../x.xlsx" against the page URL gives what
// a browser requests. It neither normalises case nor percent-encodes nor
// checks hosts: the result is the reference made absolute, nothing more.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace icetrack {

// The five components of a URI reference; absent and empty differ ("x?" has an empty query).
struct UrlParts {
  std::optional<std::string> scheme;     // without ':'
  std::optional<std::string> authority;  // without '//'
  std::string path;
  std::optional<std::string> query;      // without '?'
  std::optional<std::string> fragment;   // without '#'
};

UrlParts SplitUrl(std::string_view reference);
// An http(s) URL with a host ("http:x.xlsx", which names none, is not).
bool IsAbsoluteHttpUrl(const std::string& url);
// Recomposition (5.3): the inverse of SplitUrl.
std::string JoinUrl(const UrlParts& parts);
std::string RemoveDotSegments(std::string_view path);

// `reference` made absolute against `base`. Returns "" when `base` has no scheme.
std::string ResolveUrl(std::string_view base, std::string_view reference);

}  // namespace icetrack
