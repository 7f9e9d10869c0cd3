// SerializeHtml: a parsed element written back as markup, for the snapshot of
// a page's roster table (html_roster_table.h). Internal to fetcher/.
//
// Why not the page's own source: HTML moves what a table holds in the wrong
// place (a heading between two rows) out in front of it, and closes what the
// page leaves open by what comes next; read on its own, the table's source
// text then builds another tree than the page did (other headings, rows, or
// cells). Written from the parsed tree, as HTML's fragment serialization
// writes it (but U+00A0 as it stands, not as "&nbsp;": it reads back the
// same), every element is explicitly opened and closed where the page's
// parse put it, so the markup reads back to the same table.
//
// Promises: the element's outer HTML: names in lower case (SVG's as SVG
// spells them), attributes as name="value" with '&' and '"' escaped, text with
// '&', '<' and '>' escaped except in raw text elements (script, style, xmp,
// iframe, noembed, noframes, plaintext: written as the page had it), a
// newline after <pre>, <textarea> and <listing> where their text starts with
// one (HTML drops the first), no end tag for a void element, and nothing
// after a <plaintext> element's text (it runs to the end, and an end tag
// written there would be its text). Comments are written as <!--text-->:
// the parser never leaves "-->" in a comment's text.
// Iterative: a deeply nested table cannot overflow the stack.
// Hand-written: libgumbo (Debian 0.10.1) parses but has no serializer.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace icetrack {

// Stops once the markup is longer than `max_bytes` (it can be several times
// the page's source: every '&' is written "&amp;", and a formatting element
// the page left open is written again in each block it was rebuilt in): a
// result longer than that is cut short, and only says the markup is too large.
std::string SerializeHtml(const GumboNode* element, size_t max_bytes);

// An attribute's value as written between double quotes: '&' and '"' escaped.
std::string EscapeAttributeValue(std::string_view value);

}  // namespace icetrack
