// When ICE last updated the 287(g) page, as the page itself says.
//
// Promises: the datetime of the <time> element that follows "Updated:" (it
// carries the time of day and zone, e.g. "2025-03-14T15:26:38-04:00"), else
// the content of <meta property="article:modified_time"> ("2025-03-14"), else
// "". Returned verbatim; never parsed or converted.
#pragma once

#include <string>

namespace icetrack {

class HtmlDocument;

std::string PageModifiedTime(const HtmlDocument& document);

}  // namespace icetrack
