#include "net/retry_after.h"

#include "net/curl_library.h"

#include <string>

namespace icetrack {

std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value,
                                                    std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (value.find_first_not_of("0123456789") == std::string_view::npos) {
    // Anything beyond a day is as good as "not within this run"; the cap keeps stoll safe.
    if (value.size() > 9) return std::chrono::seconds(999999999);
    return std::chrono::seconds(std::stoll(std::string(value)));
  }
  // libcurl already parses the three HTTP-date forms (and rejects garbage with -1).
  const CurlLibrary* curl = LoadCurlLibrary();
  if (!curl) return std::nullopt;
  time_t when = curl->getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  auto delta = std::chrono::system_clock::from_time_t(when) - now;
  if (delta <= std::chrono::seconds(0)) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(delta);
}

}  // namespace icetrack
