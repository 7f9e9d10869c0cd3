#include "fetcher/page.h"

#include <cctype>

#include "model/ascii_text.h"

#include "fetcher/html_cost.h"
#include "fetcher/html_document.h"
#include "fetcher/html_roster_table.h"
#include "fetcher/page_modified_time.h"
#include "fetcher/page_text.h"
#include "fetcher/url_resolve.h"

namespace icetrack {
namespace {

// Skips white space and <!-- comments --> from `pos`; npos when a comment is unterminated.
size_t SkipTrailing(const std::string& html, size_t pos) {
  while (pos < html.size()) {
    if (std::isspace(static_cast<unsigned char>(html[pos]))) {
      ++pos;
    } else if (html.compare(pos, 4, "<!--") == 0) {
      size_t end = html.find("-->", pos + 4);
      if (end == std::string::npos) return std::string::npos;
      pos = end + 3;
    } else {
      break;
    }
  }
  return pos;
}

bool ReachesEndTag(const std::string& html) {
  std::string lower = LowerAscii(html.size() > 65536 ? html.substr(html.size() - 65536) : html);
  size_t tag = lower.rfind("</html");
  if (tag == std::string::npos) return false;
  size_t close = lower.find('>', tag);
  return close != std::string::npos && SkipTrailing(lower, close + 1) == lower.size();
}

// The kept markup writes every end tag the page left out and escapes what it
// did not, so it can be larger, and cost more to read, than the page was:
// a snapshot must read back.
Status CheckKeptMarkup(const std::string& page_url, Page* page) {
  const std::string& kept = page->roster_table_html;
  std::string why;
  if (kept.size() > kMaxPageBytes)
    why = "would be over " + std::to_string(kMaxPageBytes >> 20) + " MiB";
  else if (!kept.empty() && EstimateHtmlTreeWork(kept, kMaxTreeWork).over)
    why = "nests its markup too deeply to be read again in bounded time (over " + std::to_string(kMaxTreeWork) +
          " units of parsing work)";
  if (why.empty()) return Status::Ok();
  *page = Page();
  return Status::Error(page_url + ": the page's roster table, kept on its own, " + why);
}

}  // namespace

Status ParsePage(const std::string& html, const std::string& page_url, Page* out, TableMarkup markup) {
  *out = Page();
  if (!IsAbsoluteHttpUrl(page_url))
    return Status::Error("page URL is not an absolute http(s) URL: \"" + page_url + "\"");
  if (html.size() > kMaxPageBytes)
    return Status::Error(page_url + ": the page is " + std::to_string(html.size() >> 20) + " MiB; a 287(g) page is "
                         "about 0.1 MiB, and pages over " + std::to_string(kMaxPageBytes >> 20) + " MiB are refused");
  HtmlTreeWork cost = EstimateHtmlTreeWork(html, kMaxTreeWork);
  if (cost.over)
    return Status::Error(page_url + ": the page nests its markup too deeply to be read in bounded time (over " +
                         std::to_string(kMaxTreeWork) + " units of parsing work, elements nested " +
                         std::to_string(cost.max_depth) + " deep; ICE's page needs under 200000)");
  std::string missing;
  if (!HtmlDocument::Loadable(&missing)) return Status::Error(page_url + ": cannot read the page: " + missing);
  HtmlDocument document(html);
  std::string base_url = DocumentBaseUrl(document, page_url);
  out->workbooks = FindWorkbookLinks(document, base_url);
  out->totals = ReadAsOfTotals(TextBlocks(document));
  out->modified_time = PageModifiedTime(document);
  out->complete = ReachesEndTag(html);
  if (out->workbooks.empty()) {
    std::string* kept = markup == TableMarkup::Write ? &out->roster_table_html : nullptr;
    out->roster_table = FindRosterTable(document, base_url, kept, kMaxPageBytes);
  }
  return CheckKeptMarkup(page_url, out);
}

}  // namespace icetrack
