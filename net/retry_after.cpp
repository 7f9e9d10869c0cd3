#include "net/retry_after.h"

#include "net/curl_library.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "model/ascii_text.h"

namespace icetrack {
namespace {

// Anything beyond about 31 years is as good as "not within this run".
constexpr int64_t kLongest = 999999999;

}  // namespace

std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value,
                                                    std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (value.find_first_not_of("0123456789") == std::string_view::npos) {
    int64_t seconds = kLongest;
    ParseDecimal(value, kLongest, &seconds);  // longer than the longest is the longest
    return std::chrono::seconds(seconds);
  }
  // libcurl already parses the three HTTP-date forms (and rejects garbage with -1).
  const CurlLibrary* curl = LoadCurlLibrary();
  if (!curl) return std::nullopt;
  time_t when = curl->getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  // In whole seconds, never through the clock's nanoseconds: those overflow
  // after the year 2262 (a year-9999 date gave 0 s instead of "too long").
  // `when` is whole seconds, so the wait rounded up is `when` less `now` rounded down.
  int64_t now_s = std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count();
  return std::chrono::seconds(std::clamp<int64_t>(static_cast<int64_t>(when) - now_s, 0, kLongest));
}

}  // namespace icetrack
