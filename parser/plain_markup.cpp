#include "parser/plain_markup.h"

#include <cstdint>
#include <cstring>

#include "parser/sheet_hyperlinks.h"

namespace icetrack::xlsx {
namespace {

enum ByteClass : uint8_t { kSpace = 1, kNameStart = 2, kName = 4, kValue = 8, kText = 16, kColon = 32 };

struct ByteClasses {
  uint8_t of[256] = {};
  ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      bool digit = c >= '0' && c <= '9';
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') of[c] |= kSpace;
      if (letter || c == '_') of[c] |= kNameStart;
      if (letter || digit || c == '_' || c == '.' || c == ':' || c == '-') of[c] |= kName;
      if (c == ':') of[c] |= kColon;
      bool printable = c >= 0x20 && c < 0x7F && c != '<' && c != '&' && c != '>';
      if (printable && c != '"' && c != '\'') of[c] |= kValue;
      if (printable || c == '\t' || c == '\n') of[c] |= kText;
    }
  }
};
const ByteClasses kClasses;

inline bool Is(char c, ByteClass k) { return kClasses.of[static_cast<unsigned char>(c)] & k; }

// More attributes than this on one tag are left to the XML reader (Excel
// writes up to seven on a row).
constexpr size_t kMaxAttributes = 16;

// A name already on the tag; plain data, so that a tag's list costs nothing to set up.
struct SeenName {
  const char* data;
  size_t size;
};

// Whether an attribute may be read here: not a namespace declaration (the
// XML reader records those), not a duplicate (the XML reader refuses those).
[[gnu::always_inline]] inline bool Admissible(std::string_view name, const SeenName* seen, size_t count) {
  if (count == kMaxAttributes || (name[0] == 'x' && name.starts_with("xmlns"))) return false;
  for (size_t k = 0; k < count; ++k) {
    if (seen[k].size == name.size() && seen[k].data[0] == name[0] && std::memcmp(seen[k].data, name.data(), name.size()) == 0)
      return false;
  }
  return true;
}

// A cursor over the text; every step says whether the form was plain.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : p_(text.data()), n_(text.size()) {}
  size_t at() const { return i_; }

  bool Literal(std::string_view s) {
    if (n_ - i_ < s.size() || std::string_view(p_ + i_, s.size()) != s) return false;
    i_ += s.size();
    return true;
  }

  void Spaces() {
    while (i_ < n_ && Is(p_[i_], kSpace)) ++i_;
  }

  // A tag's attributes after its name, up to and including its '>' or "/>"
  // (`*empty` then). `slot(name)` gives where the value of the attribute
  // the handler knows as `name` goes (null for one it ignores); the first
  // of two that reach it under one name is kept, as XmlAttributes::Find
  // would find it. `scratch(name)` gives a string the value may be decoded
  // into when it holds the predefined entities (&amp; &lt; &gt; &quot;
  // &apos;), or null when it must be plain.
  template <typename Slot, typename Scratch>
  bool Attributes(Slot slot, Scratch scratch, XmlNames& names, bool* empty) {
    SeenName seen[kMaxAttributes];  // (not cleared: only [0, count) is read)
    size_t count = 0;
    while (true) {
      size_t before = i_;
      Spaces();
      if (i_ >= n_) return false;
      if (p_[i_] == '>' || p_[i_] == '/') return TagEnd(empty);
      if (i_ == before || !Is(p_[i_], kNameStart)) return false;
      size_t name_at = i_;
      uint8_t classes = 0;  // of the name's bytes: whether it has a prefix
      while (++i_ < n_ && Is(p_[i_], kName)) classes |= kClasses.of[static_cast<unsigned char>(p_[i_])];
      std::string_view name(p_ + name_at, i_ - name_at);
      if (n_ - i_ < 2 || p_[i_] != '=' || (p_[i_ + 1] != '"' && p_[i_ + 1] != '\'')) return false;
      char quote = p_[i_ + 1];
      i_ += 2;
      size_t value_at = i_;
      while (i_ < n_ && Is(p_[i_], kValue)) ++i_;
      if (i_ >= n_ || !Admissible(name, seen, count)) return false;
      seen[count++] = {name.data(), name.size()};
      std::string_view known = classes & kColon ? names.Attribute(name) : name;
      Given* to = slot(known);
      std::string_view value(p_ + value_at, i_ - value_at);
      if (p_[i_] == '&') {
        std::string* decoded = to && !*to ? scratch(known) : nullptr;  // a value kept only once
        if (!decoded || !DecodeValue(value, quote, decoded)) return false;
        value = *decoded;
      }
      if (p_[i_] != quote) return false;
      if (to && !*to) *to = value;
      ++i_;
    }
  }

  // Text up to the next '<', all of it plain; false otherwise.
  bool Text(std::string_view* out) {
    size_t from = i_;
    while (i_ < n_ && Is(p_[i_], kText)) ++i_;
    *out = std::string_view(p_ + from, i_ - from);
    return i_ < n_ && p_[i_] == '<';
  }

  // Right after an element's name: white space or the tag's end.
  bool NameEnds() const { return i_ < n_ && (Is(p_[i_], kSpace) || p_[i_] == '>' || p_[i_] == '/'); }

 private:
  // The rest of a value from its first '&' (`plain` before it) into `*out`,
  // up to the closing `quote`: the predefined entities decoded, anything
  // else (a character reference, another entity) declined.
  bool DecodeValue(std::string_view plain, char quote, std::string* out) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    out->assign(plain);
    while (i_ < n_ && p_[i_] != quote) {
      size_t run = i_;
      while (i_ < n_ && Is(p_[i_], kValue)) ++i_;
      out->append(p_ + run, i_ - run);
      if (i_ >= n_ || p_[i_] == quote) break;
      bool known = false;
      for (const auto& [entity, c] : kEntities) {
        if (known || !Literal(entity)) continue;
        out->push_back(c);
        known = true;
      }
      if (!known) return false;
    }
    return i_ < n_;
  }

  bool TagEnd(bool* empty) {
    *empty = p_[i_] == '/';
    if (!*empty) return ++i_, true;
    return Literal("/>");
  }

  const char* p_;
  size_t n_;
  size_t i_ = 0;
};

// For the attributes that must be plain (see Cursor::Attributes).
constexpr auto kPlainOnly = [](std::string_view) -> std::string* { return nullptr; };

// One cell, from right after "<c" to its end.
bool ReadCell(Cursor* in, XmlNames& names, PlainCell* cell) {
  bool empty = false;
  auto slot = [cell](std::string_view name) -> Given* {
    if (name.size() != 1) return nullptr;
    return name[0] == 'r' ? &cell->r : name[0] == 's' ? &cell->s : name[0] == 't' ? &cell->t : nullptr;
  };
  if (!in->NameEnds() || !in->Attributes(slot, kPlainOnly, names, &empty)) return false;
  if (empty) return true;
  in->Spaces();
  if (in->Literal("<v>")) {
    if (!in->Text(&cell->v) || !in->Literal("</v>")) return false;
    in->Spaces();
  }
  return in->Literal("</c>");
}

}  // namespace

size_t ReadPlainRow(std::string_view text, XmlNames& names, PlainRow* row) {
  Cursor in(text);
  row->r.reset();
  row->cells.clear();
  bool empty = false;
  auto slot = [row](std::string_view name) -> Given* { return name == "r" ? &row->r : nullptr; };
  in.Spaces();
  if (!in.Literal("<row") || !in.NameEnds() || !in.Attributes(slot, kPlainOnly, names, &empty)) return 0;
  if (empty) return in.at();
  while (true) {
    in.Spaces();
    if (in.Literal("</row>")) return in.at();
    if (!in.Literal("<c") || row->cells.size() == static_cast<size_t>(kSheetColumns)) return 0;
    if (!ReadCell(&in, names, &row->cells.emplace_back())) return 0;
  }
}

size_t ReadPlainRelationship(std::string_view text, XmlNames& names, PlainRelationship* rel) {
  Cursor in(text);
  rel->id = rel->type = rel->target = rel->target_mode = std::nullopt;  // decoded_target's buffer is kept
  bool empty = false;
  auto slot = [rel](std::string_view name) -> Given* {
    return name == "Id" ? &rel->id : name == "Type" ? &rel->type : name == "Target" ? &rel->target
         : name == "TargetMode" ? &rel->target_mode : nullptr;
  };
  // A URL's query is written with &amp; (a tenth of ICE's links are Outlook safelinks).
  auto scratch = [rel](std::string_view name) { return name == "Target" ? &rel->decoded_target : nullptr; };
  in.Spaces();
  if (!in.Literal("<Relationship") || !in.NameEnds() || !in.Attributes(slot, scratch, names, &empty) || !empty)
    return 0;
  return in.at();
}

size_t ReadPlainHyperlink(std::string_view text, XmlNames& names, PlainHyperlink* link) {
  Cursor in(text);
  *link = PlainHyperlink();
  bool empty = false;
  auto slot = [link](std::string_view name) -> Given* {
    return name == "ref" ? &link->ref : name == "r:id" ? &link->rel_id : nullptr;
  };
  in.Spaces();
  if (!in.Literal("<hyperlink") || !in.NameEnds() || !in.Attributes(slot, kPlainOnly, names, &empty) || !empty)
    return 0;
  return in.at();
}

size_t ReadPlainSharedString(std::string_view text, XmlNames& names, std::string_view* out) {
  Cursor in(text);
  bool empty = false;
  auto none = [](std::string_view) -> Given* { return nullptr; };  // xml:space and the like: text is kept as written
  in.Spaces();
  if (!in.Literal("<si>")) return 0;
  in.Spaces();
  if (!in.Literal("<t") || !in.NameEnds() || !in.Attributes(none, kPlainOnly, names, &empty) || empty) return 0;
  if (!in.Text(out) || !in.Literal("</t>")) return 0;
  in.Spaces();
  return in.Literal("</si>") ? in.at() : 0;
}

}  // namespace icetrack::xlsx
