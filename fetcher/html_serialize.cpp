#include "fetcher/html_serialize.h"

#include <utility>
#include <vector>

#include "fetcher/html_document.h"
#include "fetcher/html_elements.h"
#include "model/ascii_text.h"

namespace icetrack {
namespace {

bool IsHtml(const GumboNode* element) { return element->v.element.tag_namespace == GUMBO_NAMESPACE_HTML; }

// Where the parser drops a newline that directly follows the start tag.
bool DropsFirstNewline(std::string_view name) { return name == "pre" || name == "textarea" || name == "listing"; }

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
  explicit Writer(size_t max_bytes) : max_bytes_(max_bytes) {}

  std::string Write(const GumboNode* root) {
    if (!Enter(root)) return std::move(out_);
    while (!stack_.empty() && !stopped_ && out_.size() <= max_bytes_) {
      Open& open = stack_.back();
      if (open.next == open.element->v.element.children.length) {
        Leave(open.element);
        stack_.pop_back();
        continue;
      }
      const GumboNode* child = Child(open.element, open.next++);
      if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) Enter(child);
      else WriteLeaf(child, open.raw_text);
    }
    return std::move(out_);
  }

 private:
  // Writes the start tag; whether the element's children and end tag follow.
  bool Enter(const GumboNode* element) {
    std::string name = ElementName(element);
    if (name.empty()) return Push(element, false);  // no tag to write: its content alone
    out_ += '<' + name;
    const GumboVector& attributes = element->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
      out_ += ' ' + AttributeName(*a) + "=\"" + EscapeAttributeValue(a->value) + '"';
    }
    out_ += '>';
    const GumboVector& children = element->v.element.children;
    bool html = IsHtml(element);
    // A void element has no end tag (one would be read as another element:
    // "</br>" is a <br>); one that has children all the same is written with them and closed.
    if (html && IsVoidElement(name) && children.length == 0) return false;
    if (html && name == "plaintext") {
      for (unsigned i = 0; i < children.length; ++i) WriteLeaf(Child(element, i), true);
      stopped_ = true;
      return false;
    }
    if (html && DropsFirstNewline(name) && children.length > 0) {
      const GumboNode* first = Child(element, 0);
      bool text = first->type == GUMBO_NODE_TEXT || first->type == GUMBO_NODE_WHITESPACE;
      if (text && first->v.text.text[0] == '\n') out_ += '\n';
    }
    return Push(element, html && IsRawTextElement(name));
  }

  bool Push(const GumboNode* element, bool raw_text) {
    stack_.push_back({element, 0, raw_text});
    return true;
  }

  void Leave(const GumboNode* element) {
    std::string name = ElementName(element);
    if (!name.empty()) out_ += "</" + name + '>';
  }

  // `raw_text`: the parent's text is written as the page had it.
  void WriteLeaf(const GumboNode* node, bool raw_text) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        out_ += raw_text ? std::string(node->v.text.text) : EscapeMarkupText(node->v.text.text);
        break;
      case GUMBO_NODE_CDATA:  // only in SVG and MathML, where it reads as CDATA again
        out_ += std::string("<![CDATA[") + node->v.text.text + "]]>";
        break;
      case GUMBO_NODE_COMMENT:
        out_ += std::string("<!--") + node->v.text.text + "-->";
        break;
      default:  // elements are entered, not written here (a <plaintext>'s content is text only); a document is never a child
        break;
    }
  }

  std::string out_;
  struct Open {
    const GumboNode* element;
    unsigned next;  // its next child to write
    bool raw_text;  // its text is written as the page had it
  };
  size_t max_bytes_;
  std::vector<Open> stack_;  // the elements written but not yet closed
  bool stopped_ = false;  // a <plaintext> was written: it holds the rest
};

}  // namespace

std::string SerializeHtml(const GumboNode* element, size_t max_bytes) { return Writer(max_bytes).Write(element); }

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
