#include "net/content_disposition.h"

#include "model/ascii_text.h"
#include "model/text_fold.h"

#include <vector>

#include "net/http_headers.h"

namespace icetrack {
namespace {

struct Param {
  std::string name, value;
};

void SkipSpace(std::string_view s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t')) ++*i;
}

// A quoted-string starting at s[*i] == '"'; backslash escapes the next character.
std::string ReadQuoted(std::string_view s, size_t* i) {
  std::string out;
  for (++*i; *i < s.size() && s[*i] != '"'; ++*i) {
    if (s[*i] == '\\' && *i + 1 < s.size()) ++*i;
    out += s[*i];
  }
  if (*i < s.size()) ++*i;  // closing quote
  return out;
}

std::string ReadToken(std::string_view s, size_t* i) {
  size_t begin = *i;
  while (*i < s.size() && s[*i] != ';') ++*i;
  std::string_view token = s.substr(begin, *i - begin);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
  return std::string(token);
}

// The `name=value` parameters of the header, values quoted or not. Segments
// without '=' (the disposition type) are skipped, so a bare `filename=x` works.
std::vector<Param> ReadParams(std::string_view s) {
  std::vector<Param> params;
  size_t i = 0;
  while (i < s.size()) {
    SkipSpace(s, &i);
    size_t end = s.find_first_of("=;", i);
    if (end == std::string_view::npos) break;
    if (s[end] == ';') {
      i = end + 1;
      continue;
    }
    std::string_view name = s.substr(i, end - i);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    i = end + 1;
    SkipSpace(s, &i);
    std::string value = i < s.size() && s[i] == '"' ? ReadQuoted(s, &i) : ReadToken(s, &i);
    params.push_back({std::string(name), value});
    i = s.find(';', i);
    if (i == std::string_view::npos) break;
    ++i;
  }
  return params;
}


std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// RFC 5987 ext-value: charset "'" [language] "'" percent-encoded bytes.
std::string DecodeExtValue(std::string_view v) {
  size_t first = v.find('\'');
  size_t second = first == std::string_view::npos ? first : v.find('\'', first + 1);
  if (second == std::string_view::npos) return {};
  std::string bytes = PercentDecode(v.substr(second + 1));
  std::string_view charset = v.substr(0, first);
  // RFC 5987 knows these two; bytes that are not what they claim are no name.
  if (EqualsIgnoreCase(charset, "ISO-8859-1")) return Latin1ToUtf8(bytes);
  return EqualsIgnoreCase(charset, "UTF-8") && IsValidUtf8(bytes) ? bytes : "";
}

// Drops any directory part, so a hostile "../../x" cannot leave the folder;
// a name with control bytes (NUL, a newline) is no name.
std::string BareName(std::string name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  if (name == "." || name == "..") return {};
  for (char c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return {};
  return name;
}

}  // namespace

std::string ContentDispositionFilename(std::string_view header_value) {
  std::string plain, extended;
  for (const Param& p : ReadParams(header_value)) {
    if (EqualsIgnoreCase(p.name, "filename*") && extended.empty()) extended = DecodeExtValue(p.value);
    // A plain name in bytes that are not UTF-8 is read as ISO-8859-1, as HTTP's obs-text.
    if (EqualsIgnoreCase(p.name, "filename") && plain.empty())
      plain = IsValidUtf8(p.value) ? p.value : Latin1ToUtf8(p.value);
  }
  return BareName(!extended.empty() ? extended : plain);
}

}  // namespace icetrack
