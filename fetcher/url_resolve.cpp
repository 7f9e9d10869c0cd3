#include "fetcher/url_resolve.h"

namespace icetrack {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSchemeChar(char c) {
  return IsAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// The scheme grammar, ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); anything
// else before ':' is a relative path's first segment.
bool IsScheme(std::string_view s) {
  if (s.empty() || !IsAlpha(s[0])) return false;
  for (char c : s)
    if (!IsSchemeChar(c)) return false;
  return true;
}

// 5.2.3: the reference's path appended to the base's directory.
std::string Merge(const UrlParts& base, const std::string& path) {
  if (base.authority && base.path.empty()) return "/" + path;
  size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return path;
  return base.path.substr(0, slash + 1) + path;
}

// Removes the last segment (and its '/') from `output`, as 5.2.4 step 2C says.
void DropLastSegment(std::string* output) {
  size_t slash = output->rfind('/');
  output->erase(slash == std::string::npos ? 0 : slash);
}

}  // namespace

UrlParts SplitUrl(std::string_view s) {
  UrlParts parts;
  size_t end = s.find('#');
  if (end != std::string_view::npos) {
    parts.fragment = std::string(s.substr(end + 1));
    s = s.substr(0, end);
  }
  end = s.find('?');
  if (end != std::string_view::npos) {
    parts.query = std::string(s.substr(end + 1));
    s = s.substr(0, end);
  }
  size_t colon = s.find(':');
  if (colon != std::string_view::npos && IsScheme(s.substr(0, colon))) {
    parts.scheme = std::string(s.substr(0, colon));
    s = s.substr(colon + 1);
  }
  if (s.substr(0, 2) == "//") {
    size_t slash = s.find('/', 2);
    parts.authority = std::string(s.substr(2, slash == std::string_view::npos ? s.npos : slash - 2));
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  parts.path = std::string(s);
  return parts;
}

std::string JoinUrl(const UrlParts& parts) {
  std::string out;
  if (parts.scheme) out += *parts.scheme + ":";
  if (parts.authority) out += "//" + *parts.authority;
  out += parts.path;
  if (parts.query) out += "?" + *parts.query;
  if (parts.fragment) out += "#" + *parts.fragment;
  return out;
}

std::string RemoveDotSegments(std::string_view in) {
  std::string output;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../") {
      in.remove_prefix(3);
      DropLastSegment(&output);
    } else if (in == "/..") {
      in = "/";
      DropLastSegment(&output);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = in.size();
      output.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return output;
}

std::string ResolveUrl(std::string_view base_text, std::string_view reference) {
  UrlParts base = SplitUrl(base_text);
  if (!base.scheme) return {};
  UrlParts ref = SplitUrl(reference);
  UrlParts target;
  if (ref.scheme) {
    target = ref;
    target.path = RemoveDotSegments(ref.path);
  } else {
    if (ref.authority) {
      target.authority = ref.authority;
      target.path = RemoveDotSegments(ref.path);
      target.query = ref.query;
    } else {
      if (ref.path.empty()) {
        target.path = base.path;
        target.query = ref.query ? ref.query : base.query;
      } else {
        target.path = RemoveDotSegments(ref.path[0] == '/' ? ref.path : Merge(base, ref.path));
        target.query = ref.query;
      }
      target.authority = base.authority;
    }
    target.scheme = base.scheme;
  }
  target.fragment = ref.fragment;
  return JoinUrl(target);
}

bool IsAbsoluteHttpUrl(const std::string& url) {
  UrlParts parts = SplitUrl(url);
  if (!parts.scheme || !parts.authority || parts.authority->empty()) return false;
  std::string scheme = *parts.scheme;
  for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return scheme == "http" || scheme == "https";
}

}  // namespace icetrack
