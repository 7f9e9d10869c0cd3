#include "fetcher/page_text.h"

#include "fetcher/html_document.h"

namespace icetrack {
namespace {

bool EndsBlock(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BR:
    case GUMBO_TAG_HR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_PRE: case GUMBO_TAG_BODY: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<std::string> TextBlocks(const HtmlDocument& document) {
  std::vector<std::string> blocks;
  std::string current;
  auto flush = [&] {
    std::string text = CollapseWhitespace(current);
    if (!text.empty()) blocks.push_back(std::move(text));
    current.clear();
  };
  WalkTree(
      document.root(),
      [&](const GumboNode* n) {
        if (EndsBlock(n)) flush();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA)
          current += n->v.text.text;
        return true;
      },
      [&](const GumboNode* n) {
        if (EndsBlock(n)) flush();
      });
  flush();
  return blocks;
}

}  // namespace icetrack
