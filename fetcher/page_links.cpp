#include "fetcher/page_links.h"

#include "model/ascii_text.h"

#include <cctype>
#include <set>

#include "fetcher/html_document.h"
#include "fetcher/url_resolve.h"

namespace icetrack {
namespace {


bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsDrupalDownload(std::string_view path) {
  const std::string_view prefix = "/file-download/download/public/";
  size_t at = path.find(prefix);
  if (at == std::string_view::npos) return false;
  std::string_view id = path.substr(at + prefix.size());
  if (EndsWith(id, "/")) id.remove_suffix(1);
  if (id.empty()) return false;
  for (char c : id)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string LastSegment(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool IsHeading(const GumboNode* node) {
  return IsElement(node, GUMBO_TAG_H2) || IsElement(node, GUMBO_TAG_H3);
}

// What a reader would call the link: its text, else its accessible name.
std::string LinkText(const GumboNode* anchor) {
  std::string text = NodeText(anchor);
  for (const char* name : {"aria-label", "title"}) {
    if (!text.empty()) break;
    if (const char* value = Attribute(anchor, name)) text = CollapseWhitespace(value);
  }
  return text;
}

WorkbookList Classify(const std::string& text, const std::string& heading,
                      const std::string& url) {
  for (const std::string& hint : {text, heading, LastSegment(SplitUrl(url).path)}) {
    WorkbookList list = ListNamedIn(hint);
    if (list != WorkbookList::Unknown) return list;
  }
  return WorkbookList::Unknown;
}

}  // namespace

const char* ToString(WorkbookList list) {
  switch (list) {
    case WorkbookList::Participating: return "participating";
    case WorkbookList::Pending: return "pending";
    case WorkbookList::Unknown: break;
  }
  return "unknown";
}

bool IsWorkbookUrl(std::string_view url) {
  UrlParts parts = SplitUrl(url);
  std::string scheme = LowerAscii(parts.scheme.value_or(""));
  if (scheme != "http" && scheme != "https") return false;
  return EndsWith(LowerAscii(parts.path), ".xlsx") || IsDrupalDownload(parts.path);
}

WorkbookList ListNamedIn(std::string_view text) {
  std::string lower = LowerAscii(text);
  // "participat" also catches the 2026 file names "ParticipatingAgency091826am.xlsx".
  bool participating = lower.find("participat") != std::string::npos;
  bool pending = lower.find("pending") != std::string::npos;
  if (participating == pending) return WorkbookList::Unknown;
  return participating ? WorkbookList::Participating : WorkbookList::Pending;
}

std::vector<WorkbookLink> FindWorkbookLinks(const HtmlDocument& document,
                                            const std::string& base_url) {
  std::vector<WorkbookLink> links;
  std::set<std::string> seen;
  std::string heading;
  WalkTree(
      document.root(),
      [&](const GumboNode* node) {
        if (IsHeading(node)) heading = NodeText(node);
        const char* href = IsElement(node, GUMBO_TAG_A) ? Attribute(node, "href") : nullptr;
        if (!href) return true;
        UrlParts parts = SplitUrl(ResolveUrl(base_url, CleanHref(href)));
        parts.fragment.reset();
        std::string url = JoinUrl(parts);
        // A reference that resolves to no http(s) host ("http:x.xlsx") is no link to fetch.
        if (!IsAbsoluteHttpUrl(url) || !IsWorkbookUrl(url) || !seen.insert(url).second) return true;
        std::string text = LinkText(node);
        links.push_back({url, text, Classify(text, heading, url)});
        return true;
      },
      nullptr);
  return links;
}

}  // namespace icetrack
