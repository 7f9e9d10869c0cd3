#include "fetcher/html_cost.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "fetcher/html_elements.h"
#include "model/ascii_text.h"

namespace icetrack {
namespace {

bool IsAny(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements HTML ignores outside a table (so formatting elements between
// them nest: <em><td><em><td>... is 10,000 <em>s deep).
bool IsTablePart(std::string_view name) {
  return IsAny(name, {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup"});
}

// HTML's "special" elements: an end tag for another element is not looked
// for past one of them, and a <li> does not close across one.
bool IsSpecial(std::string_view name) {
  return IsAny(name, {"address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote",
                      "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div",
                      "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset",
                      "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
                      "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
                      "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script",
                      "search", "section", "select", "source", "style", "summary", "table", "tbody", "td",
                      "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
                      "svg", "math", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"});
}

// The elements gumbo keeps in its list of active formatting elements: one
// closed by anything but its own end tag is rebuilt (cloned) at the next tag.
bool IsFormatting(std::string_view name) {
  return IsAny(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"});
}

// "In scope" stops at these (and at foreign integration points).
bool IsScopeBoundary(std::string_view name) {
  return IsAny(name, {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo",
                      "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"});
}

// An element that a later sibling closes (a <li> the next <li>, a <td> the
// next <td> or <th>, a <tr> the next <tr> and its cells), and how far down
// the open elements it is looked for: to a boundary, or the current node only.
struct Sibling {
  std::string_view name;
  std::initializer_list<std::string_view> closes;
  enum { kSpecialBoundary, kScope, kTable, kCurrentOnly } reach;
};
const Sibling* SiblingRule(std::string_view name) {
  static const Sibling kRules[] = {
      {"li", {"li"}, Sibling::kSpecialBoundary},       {"dt", {"dt", "dd"}, Sibling::kSpecialBoundary},
      {"dd", {"dt", "dd"}, Sibling::kSpecialBoundary}, {"p", {"p"}, Sibling::kScope},
      {"tr", {"tr"}, Sibling::kTable},                 {"td", {"td", "th"}, Sibling::kTable},
      {"th", {"td", "th"}, Sibling::kTable},           {"option", {"option"}, Sibling::kCurrentOnly},
      {"optgroup", {"option", "optgroup"}, Sibling::kCurrentOnly}, {"rt", {"rt", "rp", "rb"}, Sibling::kCurrentOnly},
      {"rp", {"rt", "rp", "rb"}, Sibling::kCurrentOnly}, {"rb", {"rt", "rp", "rb"}, Sibling::kCurrentOnly},
  };
  for (const Sibling& rule : kRules)
    if (rule.name == name) return &rule;
  return nullptr;
}

bool IsTagNameEnd(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>'; }

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
    if (html_.compare(lt, 4, "<!--") == 0) return CommentEnd(lt + 4);
    if (lt + 1 < html_.size() && (html_[lt + 1] == '!' || html_[lt + 1] == '?')) return Past(html_.find('>', lt), 1);
    bool end = lt + 1 < html_.size() && html_[lt + 1] == '/';
    size_t start = lt + 1 + (end ? 1 : 0), stop = start;
    if (start >= html_.size() || !std::isalpha(static_cast<unsigned char>(html_[start]))) {
      // "</" and no name: "</>" is dropped, and anything else up to the first
      // '>' is a comment ("</<!--x>" does not start one that hides the page).
      if (end && start < html_.size()) return Past(html_.find('>', start), 1);
      return lt + 1;  // text
    }
    while (stop < html_.size() && !IsTagNameEnd(html_[stop])) ++stop;
    std::string name = LowerAscii(html_.substr(start, stop - start));
    size_t after = TagEnd(stop);
    bool foreign = count_["svg"] > 0 || count_["math"] > 0;
    if (end) {
      // gumbo 0.10.1 matches an end tag inside SVG or MathML by its whole
      // source: "</svg >" or "</g/>" closes nothing there. It still looks,
      // twice: down the foreign elements, then by HTML's rules (measured:
      // counted once, 35 ns a unit at 10,000 deep; twice, 26).
      if (foreign && (stop >= html_.size() || html_[stop] != '>')) Add(2 * depth_);
      else Close(name);
      return after;
    }
    Open(name, foreign);
    if ((IsRawTextElement(name) || IsEscapableTextElement(name)) && !foreign) return Past(FindEndTag(name, after), 0);
    return after;
  }

  // "<!-->" and "<!--->" are whole comments in HTML, and "--!>" ends one too.
  size_t CommentEnd(size_t body) {
    if (html_.compare(body, 1, ">") == 0) return body + 1;
    if (html_.compare(body, 2, "->") == 0) return body + 2;
    size_t a = html_.find("-->", body), b = html_.find("--!>", body);
    return a < b ? Past(a, 3) : Past(b, 4);
  }

  // Past the '>' that ends the tag whose name ends at `from`, its attributes
  // read as HTML's tokenizer reads them: a quote opens a value only after an
  // attribute name's '=' (in <d ="> the '="' is a name, and '>' ends the tag).
  size_t TagEnd(size_t from) const {
    enum { kBeforeName, kName, kAfterName, kBeforeValue, kUnquoted } state = kBeforeName;
    for (size_t i = from; i < html_.size(); ++i) {
      char c = html_[i];
      if (c == '>') return i + 1;  // in every state but a quoted value
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
      switch (state) {
        case kBeforeName:  // an '=' here starts a name, and so does a quote
          if (!space && c != '/') state = kName;
          break;
        case kName:
          state = space ? kAfterName : c == '/' ? kBeforeName : c == '=' ? kBeforeValue : kName;
          break;
        case kAfterName:
          state = c == '=' ? kBeforeValue : c == '/' ? kBeforeName : space ? kAfterName : kName;
          break;
        case kBeforeValue:
          if (c == '"' || c == '\'') {
            i = html_.find(c, i + 1);
            if (i == std::string_view::npos) return html_.size();
            state = kBeforeName;
          } else if (!space) {
            state = kUnquoted;
          }
          break;
        case kUnquoted:
          if (space) state = kBeforeName;
          break;
      }
    }
    return html_.size();
  }

  size_t Past(size_t found, size_t length) const { return found == std::string_view::npos ? html_.size() : found + length; }

  size_t FindEndTag(const std::string& name, size_t from) const {
    std::string lower = "</" + name;
    for (size_t at = html_.find("</", from); at != std::string_view::npos; at = html_.find("</", at + 2)) {
      if (LowerAscii(html_.substr(at, lower.size())) == lower) return at;
    }
    return std::string_view::npos;
  }

  void Add(int64_t units) {
    result_.work += units;
    result_.over = result_.work > budget_;
  }

  // `foreign`: inside SVG or MathML, where every name is an element of its
  // own (an <area> or a <td> there nests) and closes no sibling. Where gumbo
  // leaves them (a <p> or a <br> breaks out) this counts more, never less.
  void Open(const std::string& name, bool foreign) {
    if (!foreign && (IsVoidElement(name) || (IsTablePart(name) && count_["table"] == 0))) return;
    if (!foreign) CloseSibling(name);
    // Formatting elements closed by something else are rebuilt here, as
    // clones: one entry standing for all of them, so that this scan stays linear.
    Add(depth_ + stale_formatting_);
    if (stale_formatting_ > 0) Push(kClones, stale_formatting_);
    stale_formatting_ = 0;
    Push(name, 1);
  }

  void Push(const std::string& name, int64_t weight) {
    open_.push_back({name, weight, IsSpecial(name), IsScopeBoundary(name)});
    ++count_[name];
    depth_ += weight;
    result_.max_depth = std::max(result_.max_depth, depth_);
  }

  void CloseSibling(const std::string& name) {
    const Sibling* rule = SiblingRule(name);
    if (!rule) return;
    for (size_t i = open_.size(); i-- > 0;) {
      std::string_view open = open_[i].name;
      if (IsAny(open, rule->closes)) {
        while (open_.size() > i) Pop(false);
        return;
      }
      bool stop = rule->reach == Sibling::kCurrentOnly ||
                  (rule->reach == Sibling::kSpecialBoundary && open_[i].special && open != "address" && open != "div" && open != "p") ||
                  (rule->reach == Sibling::kScope && (open_[i].boundary || open == "button")) ||
                  (rule->reach == Sibling::kTable && (open == "table" || open == "template" || open == "html"));
      if (stop) return;
    }
  }

  // An end tag: gumbo looks down its open elements for it, which the work
  // counts. A special element's is looked for to the scope's boundary; a
  // formatting element's closes only the current node here (the adoption
  // agency may leave the rest open: counted as open); any other is not
  // looked for past a special element, and is then ignored.
  void Close(const std::string& name) {
    Add(depth_);
    if (IsFormatting(name)) {
      if (!open_.empty() && open_.back().name == name) Pop(true);
      else if (count_[name] == 0 && stale_formatting_ > 0) --stale_formatting_;
      return;
    }
    bool special = IsSpecial(name);
    for (size_t i = open_.size(); i-- > 0;) {
      const std::string& open = open_[i].name;
      if (open == name) {
        while (open_.size() > i + 1) Pop(false);
        Pop(true);
        return;
      }
      if (special ? open_[i].boundary : open_[i].special) return;
    }
  }

  // `own`: closed by its own end tag; a formatting element closed otherwise stays active.
  void Pop(bool own) {
    const Entry& top = open_.back();
    if (!own && (top.name == kClones || IsFormatting(top.name))) stale_formatting_ += top.weight;
    --count_[top.name];
    depth_ -= top.weight;
    open_.pop_back();
  }

  static constexpr const char* kClones = "#clones";
  struct Entry {
    std::string name;
    int64_t weight;  // the elements it stands for: 1, or the clones rebuilt at once
    bool special, boundary;  // IsSpecial, IsScopeBoundary: looked up once
  };

  std::string_view html_;
  int64_t budget_;
  HtmlTreeWork result_;
  std::vector<Entry> open_;
  int64_t depth_ = 0;  // the elements open, clones included
  std::unordered_map<std::string, int64_t> count_;
  int64_t stale_formatting_ = 0;  // formatting elements gumbo will clone at the next tag
};

}  // namespace

HtmlTreeWork EstimateHtmlTreeWork(std::string_view html, int64_t budget) { return Scanner(html, budget).Run(); }

}  // namespace icetrack
