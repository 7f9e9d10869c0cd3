// ASCII case and percent-decoding: the few text helpers that several parts
// (parser, net, fetcher) need alike. Bytes outside ASCII pass unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace icetrack {

std::string UpperAscii(std::string_view text);
std::string LowerAscii(std::string_view text);

// A number read from a file or a header: decimal digits only (no sign, no
// space), at most `max`; false otherwise, never an overflow.
bool ParseDecimal(std::string_view text, int64_t max, int64_t* out);

// "%2F" -> "/"; malformed escapes are kept as written.
std::string PercentDecode(std::string_view text);

}  // namespace icetrack
