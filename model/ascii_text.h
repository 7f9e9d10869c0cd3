// ASCII case, percent-decoding and plain-byte runs: the few text helpers that
// several parts (parser, net, fetcher, report) need alike. Bytes outside
// ASCII pass unchanged.
#pragma once

#include <cstdint>
#include <cstring>
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
// Bytes other than RFC 3986's unreserved ones and those in `kept` as %XX:
// a path or a query value that reads back as itself.
std::string PercentEncode(std::string_view text, std::string_view kept);

// '&', '<' and '>' as "&amp;", "&lt;" and "&gt;": text that no markup
// (an HTML element's content, Slack's mrkdwn) reads as a tag or an entity.
std::string EscapeMarkupText(std::string_view text);

// Eight bytes at a time from `i`: where the first word of `text` begins that
// may hold a control byte (below 0x20), a byte from 0x80 or one of `stops`,
// or where fewer than eight bytes are left. The word test never misses such
// a byte (it may stop early); callers go on byte by byte from there. About
// half the instructions of a byte loop on long plain text (a URL, a name).
// Inline, so that literal `stops` are folded in.
inline size_t SkipPlainAsciiWords(std::string_view text, size_t i, std::string_view stops) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto has_zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    uint64_t hit = (w & kHighs) | ((w - kOnes * 0x20) & ~w & kHighs);
    for (char stop : stops) hit |= has_zero_byte(w ^ (kOnes * static_cast<unsigned char>(stop)));
    if (hit) break;
  }
  return i;
}

}  // namespace icetrack
