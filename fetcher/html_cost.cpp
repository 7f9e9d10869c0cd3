#include "fetcher/html_cost.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/ascii_text.h"

namespace icetrack {
namespace {

bool IsAny(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never have children.
bool IsVoid(std::string_view name) {
  return IsAny(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                      "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"});
}

// Elements HTML ignores outside a table (so formatting elements between
// them nest: <em><td><em><td>... is 10,000 <em>s deep).
bool IsTablePart(std::string_view name) {
  return IsAny(name, {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup"});
}

// Elements whose content is text up to their own end tag.
bool IsRawText(std::string_view name) {
  return IsAny(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

// An element that a later sibling closes (a <li> the next <li>, a <td> the
// next <td> or <th>, a <tr> the next <tr> and its cells), and the elements
// it is not closed across: a <li> in a nested list stays open.
struct Sibling {
  std::string_view name;
  std::initializer_list<std::string_view> closes, boundaries;
};
const Sibling* SiblingRule(std::string_view name) {
  static const Sibling kRules[] = {
      {"li", {"li"}, {"ul", "ol", "menu"}},
      {"dt", {"dt", "dd"}, {"dl"}},
      {"dd", {"dt", "dd"}, {"dl"}},
      {"tr", {"tr"}, {"table", "thead", "tbody", "tfoot"}},
      {"td", {"td", "th"}, {"tr", "table"}},
      {"th", {"td", "th"}, {"tr", "table"}},
      {"option", {"option"}, {"select", "datalist", "optgroup"}},
      {"optgroup", {"option", "optgroup"}, {"select", "datalist"}},
      {"p", {"p"}, {"table", "td", "th", "li", "dd", "dt", "button", "div"}},
      {"rt", {"rt", "rp", "rb"}, {"ruby"}},
      {"rp", {"rt", "rp", "rb"}, {"ruby"}},
      {"rb", {"rt", "rp", "rb"}, {"ruby"}},
  };
  for (const Sibling& rule : kRules)
    if (rule.name == name) return &rule;
  return nullptr;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

class Scanner {
 public:
  Scanner(std::string_view html, int64_t budget) : html_(html), budget_(budget) {}

  HtmlTreeWork Run() {
    for (size_t at = html_.find('<'); at != std::string_view::npos && !result_.over; at = html_.find('<', at)) {
      at = Tag(at);
    }
    return result_;
  }

 private:
  // The tag at `lt`; returns where scanning goes on.
  size_t Tag(size_t lt) {
    if (html_.compare(lt, 4, "<!--") == 0) return Past(html_.find("-->", lt + 4), 3);
    if (lt + 1 < html_.size() && (html_[lt + 1] == '!' || html_[lt + 1] == '?')) return Past(html_.find('>', lt), 1);
    bool end = lt + 1 < html_.size() && html_[lt + 1] == '/';
    size_t start = lt + 1 + (end ? 1 : 0), stop = start;
    while (stop < html_.size() && IsNameChar(html_[stop])) ++stop;
    if (stop == start) return lt + 1;  // a "<" in text
    std::string name = LowerAscii(html_.substr(start, stop - start));
    size_t after = Past(html_.find('>', stop), 1);
    if (end) {
      Close(name);
      return after;
    }
    Open(name);
    if (IsRawText(name)) return Past(FindEndTag(name, after), 0);
    return after;
  }

  size_t Past(size_t found, size_t length) const { return found == std::string_view::npos ? html_.size() : found + length; }

  size_t FindEndTag(const std::string& name, size_t from) const {
    std::string lower = "</" + name;
    for (size_t at = html_.find("</", from); at != std::string_view::npos; at = html_.find("</", at + 2)) {
      if (LowerAscii(html_.substr(at, lower.size())) == lower) return at;
    }
    return std::string_view::npos;
  }

  void Open(const std::string& name) {
    if (IsVoid(name) || (IsTablePart(name) && count_["table"] == 0)) return;
    CloseSibling(name);
    result_.work += static_cast<int64_t>(open_.size());
    result_.over = result_.work > budget_;
    open_.push_back(name);
    ++count_[name];
    result_.max_depth = std::max<int64_t>(result_.max_depth, static_cast<int64_t>(open_.size()));
  }

  // Looks down the open elements no further than the rule's boundaries: the
  // look costs at most the depth, which the work counts anyway.
  void CloseSibling(const std::string& name) {
    const Sibling* rule = SiblingRule(name);
    if (!rule) return;
    for (size_t i = open_.size(); i-- > 0;) {
      std::string_view open = open_[i];
      if (IsAny(open, rule->closes)) {
        while (open_.size() > i) Pop();
        return;
      }
      if (IsAny(open, rule->boundaries)) return;
    }
  }

  // An end tag closes the innermost open element of its name (and all inside
  // it); one with no such element open is ignored, at no cost.
  void Close(const std::string& name) {
    auto it = count_.find(name);
    if (it == count_.end() || it->second == 0) return;
    while (open_.back() != name) Pop();
    Pop();
  }

  void Pop() {
    --count_[open_.back()];
    open_.pop_back();
  }

  std::string_view html_;
  int64_t budget_;
  HtmlTreeWork result_;
  std::vector<std::string> open_;
  std::unordered_map<std::string, int64_t> count_;
};

}  // namespace

HtmlTreeWork EstimateHtmlTreeWork(std::string_view html, int64_t budget) { return Scanner(html, budget).Run(); }

}  // namespace icetrack
