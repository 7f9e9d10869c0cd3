#include "parser/moa_link.h"

#include <cctype>

#include "model/ascii_text.h"
#include "model/text_fold.h"
#include "parser/text.h"

namespace icetrack {

namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ToLowerAscii(s[i]) != prefix[i]) return false;
  }
  return true;
}

// "…safelinks.protection.outlook.com/?url=<encoded>&data=…" -> the decoded url.
std::string UnwrapSafelinks(std::string url) {
  if (UpperAscii(url).find("SAFELINKS.PROTECTION.OUTLOOK.COM") == std::string::npos) return url;
  size_t q = url.find('?');
  for (size_t at = q; at != std::string::npos; at = url.find('&', at + 1)) {
    if (url.compare(at + 1, 4, "url=") != 0) continue;
    size_t end = url.find('&', at + 5);
    return PercentDecode(url.substr(at + 5, end == std::string::npos ? end : end - at - 5));
  }
  return url;
}

// A space typed into a URL is not part of it, and a decoded safelink may
// hold any byte: spaces, control bytes and bytes that are not UTF-8 are
// percent-encoded, so that the URL is one valid line of text.
std::string EscapeUrlBytes(std::string_view url) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < url.size();) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    size_t length = c < 0x80 ? 1 : Utf8SequenceLength(url.substr(i));
    if (c <= 0x20 || c == 0x7F || length == 0) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++i;
    } else {
      out.append(url.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace

namespace {

// Already a plain http(s) URL: nothing to unwrap, strip or repair. (One
// pass, no copy: every MOA link of every row comes here.)
bool LooksSound(std::string_view url) {
  size_t scheme = StartsWithNoCase(url, "https://") ? 8 : StartsWithNoCase(url, "http://") ? 7 : 0;
  if (scheme == 0) return false;
  for (size_t i = scheme; i < url.size(); ++i) {
    char c = ToLowerAscii(url[i]);
    if (c == ' ') return false;
    std::string_view rest = url.substr(i);
    if (c == 'h' && (StartsWithNoCase(rest, "http:") || StartsWithNoCase(rest, "https:"))) return false;
    if (c == 's' && StartsWithNoCase(rest, "safelinks")) return false;
  }
  return true;
}

}  // namespace

namespace {

// RepairUrl of text already cleaned.
std::string RepairCleanUrl(std::string url) {
  if (LooksSound(url)) return url;
  // A safelink may wrap a prefixed URL, and so on: repaired until nothing
  // changes (each round shortens the URL, but for the one "//" or "https://" added).
  const size_t rounds = url.size() + 1;
  for (size_t round = 0; round <= rounds; ++round) {
    std::string before = url;
    url = UnwrapSafelinks(url);
    if (!StartsWithNoCase(url, "http:") && !StartsWithNoCase(url, "https:")) {
      // "chrome-extension://<id>/https://…": keep from the embedded URL on.
      size_t at = UpperAscii(url).find("HTTP", 1);
      if (at != std::string::npos && url.find("://", 0) < at) url = url.substr(at);
    }
    for (std::string_view scheme : {"https:", "http:"}) {
      if (StartsWithNoCase(url, scheme) && url.compare(scheme.size(), 2, "//") != 0) {
        size_t slashes = url.find_first_not_of('/', scheme.size());
        if (slashes == std::string::npos) break;
        url = std::string(scheme) + "//" + url.substr(slashes);
      }
    }
    if (StartsWithNoCase(url, "www.")) url = "https://" + url;
    if (url == before) break;
  }
  return EscapeUrlBytes(url);
}

}  // namespace

std::string RepairUrl(std::string_view raw) { return RepairCleanUrl(CleanText(raw)); }

LinkCell ReadLinkCell(std::string_view text, std::string_view hyperlink) {
  LinkCell cell;
  std::string link = CleanText(hyperlink);
  if (!link.empty()) {
    cell.status = LinkStatus::Link;
    cell.url = RepairCleanUrl(std::move(link));
    return cell;
  }
  std::string clean = CleanText(text);
  std::string upper = UpperAscii(clean);
  if (upper.find("HTTP") != std::string::npos || upper.starts_with("WWW.")) {
    cell.status = LinkStatus::Link;
    cell.url = RepairUrl(clean.substr(std::min(upper.find("HTTP"), upper.find("WWW."))));
  } else if (upper.find("PENDING") != std::string::npos) {
    cell.status = LinkStatus::Pending;
  }
  return cell;
}

}  // namespace icetrack
