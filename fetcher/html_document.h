// HtmlDocument: one HTML page parsed by gumbo, and the few ways fetcher/
// reads its tree. Internal to fetcher/; other parts use page.h.
//
// Promises: parsing never fails once the library is loaded (HTML5 parsing
// turns any bytes into a tree, as a browser would); the tree is freed exactly once, with the document.
// Walks are iterative, so a deeply nested page cannot overflow the stack.
// Text is what a reader sees: script, style, template and noscript are
// skipped; runs of HTML whitespace become one space.
#pragma once

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>

namespace icetrack {

class HtmlDocument {
 public:
  // Whether libgumbo (opened with dlopen on first use) is there; `*error`
  // says why not. A document may only be made once this said yes.
  static bool Loadable(std::string* error);
  explicit HtmlDocument(std::string_view html);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_->root; }

 private:
  GumboOutput* output_;
};

bool IsElement(const GumboNode* node, GumboTag tag);
// The attribute's value, or nullptr when the element has none (or node is not an element).
const char* Attribute(const GumboNode* node, const char* name);

// An element's name as HTML writes it: lower case (SVG's camelCase names,
// such as "clipPath", as SVG spells them), a name gumbo does not know as the
// page wrote it; "" for a made-up element of no known name (none is).
std::string ElementName(const GumboNode* node);

// Visits `root` and its descendants in document order. `enter` returns
// whether to descend into the node's children; `leave` (may be empty) runs
// after them. Children of skipped text containers (script, style, ...) are
// never visited.
void WalkTree(const GumboNode* root, const std::function<bool(const GumboNode*)>& enter,
              const std::function<void(const GumboNode*)>& leave);

// Visible text of `node`, whitespace collapsed and trimmed; <br> counts as a space.
std::string NodeText(const GumboNode* node);

// HTML whitespace (space, tab, LF, FF, CR) runs collapsed to one space, ends trimmed.
std::string CollapseWhitespace(std::string_view text);

// The URL links of this document resolve against: <base href> when the page
// has one (itself resolved against `page_url`), else `page_url`.
std::string DocumentBaseUrl(const HtmlDocument& document, const std::string& page_url);

// An href as written, less what HTML ignores in URLs: surrounding whitespace
// and embedded tabs and newlines.
std::string CleanHref(std::string_view href);

}  // namespace icetrack
