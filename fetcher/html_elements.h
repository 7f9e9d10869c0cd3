// HTML's groups of elements that change how markup around them is read, as
// libgumbo (Debian 0.10.1) reads them. Internal to fetcher/.
//
// Why one list: the cost estimate (html_cost.h) reads them from a page's
// source and the serializer (html_serialize.h) from its parsed tree; two
// lists drift apart, and then a kept table no longer reads back, or the
// estimate no longer bounds gumbo. Names are HTML elements' lower-case names
// (never SVG's or MathML's, whose elements of the same name are ordinary).
#pragma once

#include <string_view>

namespace icetrack {

// Never has content: the parser closes it at once (gumbo 0.10.1 counts
// <menuitem> among them, as HTML once did).
bool IsVoidElement(std::string_view name);

// Its text runs as it stands, with no markup and no character references,
// up to its own end tag (script, style, xmp, iframe, noembed, noframes).
// <plaintext> is like them but has no end tag: it holds the rest of the page.
bool IsRawTextElement(std::string_view name);

// Its text runs up to its own end tag with character references read
// (textarea, title): written escaped, read as text.
bool IsEscapableTextElement(std::string_view name);

}  // namespace icetrack
