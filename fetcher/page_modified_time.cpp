#include "fetcher/page_modified_time.h"

#include <cctype>

#include "fetcher/html_document.h"

namespace icetrack {
namespace {

// Whether the text read so far ends with "Updated:" (any case, spaces after).
bool EndsWithUpdated(const std::string& text) {
  std::string collapsed = CollapseWhitespace(text);
  const std::string label = "updated:";
  if (collapsed.size() < label.size()) return false;
  std::string tail = collapsed.substr(collapsed.size() - label.size());
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == label;
}

}  // namespace

std::string PageModifiedTime(const HtmlDocument& document) {
  std::string updated, meta, recent_text;
  WalkTree(
      document.root(),
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
          recent_text += n->v.text.text;
          // Only the tail matters; keep it short so a long page stays linear.
          if (recent_text.size() > 200) recent_text.erase(0, recent_text.size() - 100);
        }
        const char* property = IsElement(n, GUMBO_TAG_META) ? Attribute(n, "property") : nullptr;
        if (property && std::string(property) == "article:modified_time" && meta.empty())
          if (const char* content = Attribute(n, "content")) meta = content;
        const char* datetime = IsElement(n, GUMBO_TAG_TIME) ? Attribute(n, "datetime") : nullptr;
        if (datetime && updated.empty() && EndsWithUpdated(recent_text)) updated = datetime;
        return true;
      },
      nullptr);
  return !updated.empty() ? updated : meta;
}

}  // namespace icetrack
