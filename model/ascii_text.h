// ASCII case and percent-decoding: the few text helpers that several parts
// (parser, net, fetcher) need alike. Bytes outside ASCII pass unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace icetrack {

std::string UpperAscii(std::string_view text);
std::string LowerAscii(std::string_view text);

// One byte; inline arithmetic, not <cctype>'s locale lookups (called for
// every byte of every cell reference, URL and name).
constexpr char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
constexpr char ToUpperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - ('a' - 'A')) : c; }
constexpr bool IsDigitAscii(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAlphaAscii(char c) { return ToLowerAscii(c) >= 'a' && ToLowerAscii(c) <= 'z'; }

// A number read from a file or a header: decimal digits only (no sign, no
// space), at most `max`; false otherwise, never an overflow.
bool ParseDecimal(std::string_view text, int64_t max, int64_t* out);

// "%2F" -> "/"; malformed escapes are kept as written.
std::string PercentDecode(std::string_view text);

}  // namespace icetrack
