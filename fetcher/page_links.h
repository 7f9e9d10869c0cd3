// The workbook links of the 287(g) page.
//
// Promises: finds every link to a workbook, i.e. an http(s) URL whose path
// ends in ".xlsx" (any case, query allowed) or is a Drupal download
// "/file-download/download/public/N"; makes it absolute (RFC 3986, against
// the page's base URL); drops the fragment and repeated URLs (first kept).
// Says which list each link is probably for, from its text ("View 287(g)
// Participating Agencies"), else the nearest preceding h2/h3 heading, else the
// file name. That is a hint only: ICE once swapped the two files, so the
// caller classifies a workbook by its columns. Button classes, PDFs and
// every other link are ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

class HtmlDocument;

enum class WorkbookList { Participating, Pending, Unknown };
const char* ToString(WorkbookList list);  // "participating", "pending", "unknown"

struct WorkbookLink {
  std::string url;    // absolute, without fragment
  std::string text;   // the link's visible text, whitespace collapsed
  WorkbookList list = WorkbookList::Unknown;
};

// Whether an absolute URL names a workbook as described above.
bool IsWorkbookUrl(std::string_view url);

// Participating or Pending when `text` names exactly one of the two lists.
WorkbookList ListNamedIn(std::string_view text);

// The workbook links of `document` in page order; `base_url` is where
// relative links resolve (see DocumentBaseUrl).
std::vector<WorkbookLink> FindWorkbookLinks(const HtmlDocument& document,
                                            const std::string& base_url);

}  // namespace icetrack
