#include "fetcher/page.h"

#include "fetcher/html_document.h"
#include "fetcher/html_roster_table.h"
#include "fetcher/page_modified_time.h"
#include "fetcher/page_text.h"
#include "fetcher/url_resolve.h"

namespace icetrack {
namespace {

bool IsAbsoluteHttpUrl(const std::string& url) {
  UrlParts parts = SplitUrl(url);
  if (!parts.scheme || !parts.authority || parts.authority->empty()) return false;
  std::string scheme = *parts.scheme;
  for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return scheme == "http" || scheme == "https";
}

}  // namespace

Status ParsePage(const std::string& html, const std::string& page_url, Page* out) {
  *out = Page();
  if (!IsAbsoluteHttpUrl(page_url))
    return Status::Error("page URL is not an absolute http(s) URL: \"" + page_url + "\"");
  HtmlDocument document(html);
  std::string base_url = DocumentBaseUrl(document, page_url);
  out->workbooks = FindWorkbookLinks(document, base_url);
  out->totals = ReadAsOfTotals(TextBlocks(document));
  out->modified_time = PageModifiedTime(document);
  if (out->workbooks.empty())
    out->roster_table = FindRosterTable(document, base_url, &out->roster_table_html);
  return Status::Ok();
}

}  // namespace icetrack
