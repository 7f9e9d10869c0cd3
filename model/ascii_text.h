// ASCII case and percent-decoding: the few text helpers that several parts
// (parser, net, fetcher) need alike. Bytes outside ASCII pass unchanged.
#pragma once

#include <string>
#include <string_view>

namespace icetrack {

std::string UpperAscii(std::string_view text);
std::string LowerAscii(std::string_view text);

// "%2F" -> "/"; malformed escapes are kept as written.
std::string PercentDecode(std::string_view text);

}  // namespace icetrack
