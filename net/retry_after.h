// The wait a server asks for in a Retry-After header (429, 503).
//
// Promises: reads both forms of RFC 9110: delay-seconds ("120") and an
// HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT", also the obsolete RFC 850 and
// asctime forms), the latter relative to `now`. A date in the past gives 0 s.
// Returns nullopt for an absent or unreadable value; never guesses.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace icetrack {

std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value,
                                                    std::chrono::system_clock::time_point now);

}  // namespace icetrack
