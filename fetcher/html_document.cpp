#include "fetcher/html_document.h"

#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "fetcher/url_resolve.h"
#include "model/ascii_text.h"
#include "model/shared_library.h"

namespace icetrack {
namespace {

// libgumbo, opened with dlopen by the first page read (model/shared_library.h
// says why: only `run` and `backfill` read pages).
struct GumboLibrary {
  decltype(&::gumbo_parse_with_options) parse_with_options;
  decltype(&::gumbo_destroy_output) destroy_output;
  decltype(&::gumbo_get_attribute) get_attribute;
  decltype(&::gumbo_normalized_tagname) normalized_tagname;
  decltype(&::gumbo_normalize_svg_tagname) normalize_svg_tagname;
  const GumboOptions* default_options;
};

const LoadedTable<GumboLibrary>& Library() {
  static const LoadedTable<GumboLibrary> loaded =
      LoadTable<GumboLibrary>("libgumbo.so.1", [](SharedLibrary& so, GumboLibrary* g) {
        return so.Bind("gumbo_parse_with_options", &g->parse_with_options) &&
               so.Bind("gumbo_destroy_output", &g->destroy_output) &&
               so.Bind("gumbo_get_attribute", &g->get_attribute) &&
               so.Bind("gumbo_normalized_tagname", &g->normalized_tagname) &&
               so.Bind("gumbo_normalize_svg_tagname", &g->normalize_svg_tagname) &&
               so.Bind("kGumboDefaultOptions", &g->default_options);
      });
  return loaded;
}

const GumboLibrary& Gumbo() {
  const LoadedTable<GumboLibrary>& loaded = Library();
  if (!loaded.ok) {
    std::fprintf(stderr, "icetrack: %s (HtmlDocument::Loadable was not asked first)\n", loaded.error.c_str());
    std::abort();  // a bug: every document is made after Loadable() said yes
  }
  return loaded.functions;
}

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool IsHiddenText(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  GumboTag tag = node->v.element.tag;
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT;
}

const GumboVector* ChildrenOf(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
    return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

// The name in a start tag's source, which is all gumbo keeps of a name it
// does not know: from the first '<' and letter (the source may begin with a
// "</>" the tokenizer dropped, which gumbo_tag_from_original_text takes for
// an end tag) to what ends a tag name.
std::string_view NameInStartTag(std::string_view source) {
  size_t start = 0;
  while ((start = source.find('<', start)) != std::string_view::npos) {
    if (++start < source.size() && IsAlphaAscii(source[start])) break;
  }
  if (start >= source.size()) return {};
  size_t end = source.find_first_of("\t\n\f\r />", start);
  return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace

bool HtmlDocument::Loadable(std::string* error) {
  if (!Library().ok && error) *error = Library().error;
  return Library().ok;
}

HtmlDocument::HtmlDocument(std::string_view html)
    : output_(Gumbo().parse_with_options(Gumbo().default_options, html.data(), html.size())) {}

HtmlDocument::~HtmlDocument() { Gumbo().destroy_output(Gumbo().default_options, output_); }

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const char* Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* attr = Gumbo().get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

std::string ElementName(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  std::string name;
  if (e.tag != GUMBO_TAG_UNKNOWN) {
    name = Gumbo().normalized_tagname(e.tag);
  } else if (e.original_tag.data) {
    name = LowerAscii(NameInStartTag(std::string_view(e.original_tag.data, e.original_tag.length)));
  }
  if (e.tag_namespace == GUMBO_NAMESPACE_SVG) {
    GumboStringPiece piece{name.data(), name.size()};
    if (const char* svg = Gumbo().normalize_svg_tagname(&piece)) name = svg;
  }
  return name;
}

void WalkTree(const GumboNode* root, const std::function<bool(const GumboNode*)>& enter,
              const std::function<void(const GumboNode*)>& leave) {
  // Each frame: a node and the index of its next child to visit.
  std::vector<std::pair<const GumboNode*, unsigned>> stack;
  if (!enter(root)) {
    if (leave) leave(root);
    return;
  }
  stack.push_back({root, 0});
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector* children = IsHiddenText(node) ? nullptr : ChildrenOf(node);
    if (!children || next >= children->length) {
      const GumboNode* done = node;
      stack.pop_back();
      if (leave) leave(done);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[next++]);
    if (enter(child)) {
      stack.push_back({child, 0});
    } else if (leave) {
      leave(child);
    }
  }
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsHtmlSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string NodeText(const GumboNode* node) {
  std::string raw;
  WalkTree(
      node,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA)
          raw += n->v.text.text;
        if (IsElement(n, GUMBO_TAG_BR)) raw += ' ';
        return !IsHiddenText(n);
      },
      nullptr);
  return CollapseWhitespace(raw);
}

std::string DocumentBaseUrl(const HtmlDocument& document, const std::string& page_url) {
  std::string base = page_url;
  bool found = false;
  WalkTree(
      document.root(),
      [&](const GumboNode* n) {
        if (found) return false;
        const char* href = IsElement(n, GUMBO_TAG_BASE) ? Attribute(n, "href") : nullptr;
        if (!href) return true;
        found = true;  // only the first <base href> counts, as in browsers
        std::string resolved = ResolveUrl(page_url, CleanHref(href));
        if (!resolved.empty()) base = resolved;
        return false;
      },
      nullptr);
  return base;
}

std::string CleanHref(std::string_view href) {
  std::string out;
  for (char c : href)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  size_t begin = out.find_first_not_of(" \f");
  if (begin == std::string::npos) return {};
  size_t end = out.find_last_not_of(" \f");
  return out.substr(begin, end - begin + 1);
}

}  // namespace icetrack
