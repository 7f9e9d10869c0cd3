#include "fetcher/html_serialize.h"

#include <utility>
#include <vector>

#include "fetcher/html_document.h"
#include "model/ascii_text.h"

namespace icetrack {
namespace {

bool IsHtml(const GumboNode* node, std::initializer_list<GumboTag> tags) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return false;
  if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return false;
  for (GumboTag tag : tags)
    if (node->v.element.tag == tag) return true;
  return false;
}

// Elements the parser closes at once: they never have content, and an end
// tag would be read as another element ("</br>" is a <br>). One that has
// children all the same is written with them and closed.
bool IsVoid(const GumboNode* element) {
  return element->v.element.children.length == 0 &&
         IsHtml(element, {GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BR,
                          GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_FRAME, GUMBO_TAG_HR, GUMBO_TAG_IMG,
                          GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK, GUMBO_TAG_MENUITEM, GUMBO_TAG_META,
                          GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR});
}

// Whose text the tokenizer reads as it stands, with no character references.
bool HoldsRawText(const GumboNode* element) {
  return IsHtml(element, {GUMBO_TAG_STYLE, GUMBO_TAG_SCRIPT, GUMBO_TAG_XMP, GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED,
                          GUMBO_TAG_NOFRAMES, GUMBO_TAG_PLAINTEXT});
}

// Where the parser drops a newline that directly follows the start tag.
bool DropsFirstNewline(const GumboNode* element) {
  return IsHtml(element, {GUMBO_TAG_PRE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_LISTING});
}

std::string AttributeName(const GumboAttribute& a) {
  switch (a.attr_namespace) {
    case GUMBO_ATTR_NAMESPACE_XLINK: return std::string("xlink:") + a.name;
    case GUMBO_ATTR_NAMESPACE_XML: return std::string("xml:") + a.name;
    case GUMBO_ATTR_NAMESPACE_XMLNS: return std::string(a.name) == "xmlns" ? "xmlns" : std::string("xmlns:") + a.name;
    case GUMBO_ATTR_NAMESPACE_NONE: break;
  }
  return a.name;
}

const GumboNode* Child(const GumboNode* element, unsigned i) {
  return static_cast<const GumboNode*>(element->v.element.children.data[i]);
}

class Writer {
 public:
  std::string Write(const GumboNode* root) {
    if (!Enter(root)) return std::move(out_);
    while (!stack_.empty() && !stopped_) {
      auto& [element, next] = stack_.back();
      if (next == element->v.element.children.length) {
        Leave(element);
        stack_.pop_back();
        continue;
      }
      const GumboNode* child = Child(element, next++);
      if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) Enter(child);
      else WriteLeaf(child, element);
    }
    return std::move(out_);
  }

 private:
  // Writes the start tag; whether the element's children and end tag follow.
  bool Enter(const GumboNode* element) {
    std::string name = ElementName(element);
    if (name.empty()) return Push(element);  // no tag to write: its content alone
    out_ += '<' + name;
    const GumboVector& attributes = element->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
      out_ += ' ' + AttributeName(*a) + "=\"" + EscapeAttributeValue(a->value) + '"';
    }
    out_ += '>';
    if (IsVoid(element)) return false;
    if (IsHtml(element, {GUMBO_TAG_PLAINTEXT})) {
      for (unsigned i = 0; i < element->v.element.children.length; ++i) WriteLeaf(Child(element, i), element);
      stopped_ = true;
      return false;
    }
    const GumboVector& children = element->v.element.children;
    if (DropsFirstNewline(element) && children.length > 0) {
      const GumboNode* first = Child(element, 0);
      bool text = first->type == GUMBO_NODE_TEXT || first->type == GUMBO_NODE_WHITESPACE;
      if (text && first->v.text.text[0] == '\n') out_ += '\n';
    }
    return Push(element);
  }

  bool Push(const GumboNode* element) {
    stack_.push_back({element, 0});
    return true;
  }

  void Leave(const GumboNode* element) {
    std::string name = ElementName(element);
    if (!name.empty()) out_ += "</" + name + '>';
  }

  void WriteLeaf(const GumboNode* node, const GumboNode* parent) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        out_ += HoldsRawText(parent) ? std::string(node->v.text.text) : EscapeMarkupText(node->v.text.text);
        break;
      case GUMBO_NODE_CDATA:  // only in SVG and MathML, where it reads as CDATA again
        out_ += std::string("<![CDATA[") + node->v.text.text + "]]>";
        break;
      case GUMBO_NODE_COMMENT:
        out_ += std::string("<!--") + node->v.text.text + "-->";
        break;
      default:  // a document is never a child
        break;
    }
  }

  std::string out_;
  std::vector<std::pair<const GumboNode*, unsigned>> stack_;  // open elements, and the next child of each
  bool stopped_ = false;  // a <plaintext> was written: it holds the rest
};

}  // namespace

std::string SerializeHtml(const GumboNode* element) { return Writer().Write(element); }

std::string EscapeAttributeValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

}  // namespace icetrack
