// The report site's pages (`icetrack report`, `export --format html`):
// self-contained HTML — inline CSS and SVG, one small inline script for the
// filters, nothing fetched from anywhere — readable on a phone and
// accessible (a label for every control, header cells with scope, text and
// a text alternative for every chart, colours of at least 4.5:1 contrast).
//
// Promises: every number on a page is a count of the HistoryExport given,
// the same that `stats` and `log` print for its date; every cell's text
// escaped (report/markup_text.h). The elements tests and scrapers read
// carry data-stat="NAME" (their number) and the changes' rows data-state,
// data-model and data-kind. Formats only; never throws.
#pragma once

#include <string>
#include <vector>

#include "model/language.h"
#include "report/history_export.h"

namespace icetrack {

struct HtmlOptions {
  bool site = false;  // part of a site: links to state/XX.html, feed.xml and the data files
  size_t recent_changes = 300;  // the newest changes the index lists
  Language language = Language::English;  // of every word on the page (report/translate.h)
};

// The index: headline numbers, agreements over time by model, the US tile
// map, the states ranked, the recent changes (filterable; ?state=TX&model=
// TFM&kind=signed in the address preselects the filters).
std::string HtmlIndex(const HistoryExport& h, const HtmlOptions& options);
// The page of one state: its numbers, its signings by month, its agencies
// with MOA links (and, in a site, a link to the kept copy of each document
// in `documents`, at "../" + its path), its changes.
std::string HtmlStatePage(const HistoryExport& h, const std::string& state_code, const HtmlOptions& options);
// The states the site has a page for: every state with an agreement, a
// pending application or an event.
std::vector<std::string> HtmlStates(const HistoryExport& h);

}  // namespace icetrack
