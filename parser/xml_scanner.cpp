#include "parser/xml_scanner.h"

#include <algorithm>
#include <cstring>

#include "model/ascii_text.h"
#include "model/text_fold.h"

namespace icetrack {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// No token (a tag, a comment, CDATA, a run of text held back) may buffer
// more than this; Excel's largest are a few KB (a cell holds 32,767 characters).
constexpr size_t kMaxToken = size_t{64} << 20;

// Byte classes, looked up: the scanner's inner loops test every byte.
enum ByteClass : uint8_t { kSpace = 1, kName = 2, kTagStop = 4, kTextSpecial = 8 };

// What text or a value cannot pass on as it lies.
constexpr bool IsTextSpecial(unsigned char c) { return c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>'; }

struct ByteClasses {
  uint8_t of[256] = {};
  ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) of[c] |= kSpace;
      if (!space && !std::strchr("/><=\"'&!?;,()", c) && c >= 0x20 && c != 0x7F) of[c] |= kName;
      if (c == '>' || c == '"' || c == '\'') of[c] |= kTagStop;
      if (IsTextSpecial(static_cast<unsigned char>(c))) of[c] |= kTextSpecial;
    }
  }
};
const ByteClasses kClasses;

inline bool Is(char c, ByteClass k) { return kClasses.of[static_cast<unsigned char>(c)] & k; }

// Whether `text` has a kTextSpecial byte: whole words of plain bytes skipped
// (a relationship's URL is long), the rest by the table.
bool HasTextSpecial(std::string_view text) {
  uint8_t classes = 0;
  for (size_t i = SkipPlainAsciiWords(text, 0, "&<>"); i < text.size(); ++i)
    classes |= kClasses.of[static_cast<unsigned char>(text[i])];
  return classes & kTextSpecial;
}

inline bool IsSpace(char c) { return Is(c, kSpace); }
inline bool IsNameByte(char c) { return Is(c, kName); }

bool IsNameStart(char c) { return IsNameByte(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.'; }

// Where the plain start of `raw` ends: bytes that pass as they lie (no
// reference, no line end or tab to normalize, no byte to check).
size_t PlainPrefix(std::string_view raw, bool attribute) {
  size_t i = 0;
  while (i < raw.size() && (!Is(raw[i], kTextSpecial) || (!attribute && (raw[i] == '\n' || raw[i] == '\t')))) ++i;
  return i;
}

// Where the name starting at tag[from] ends (at most at `n`).
size_t NameEnd(std::string_view tag, size_t from, size_t n) {
  while (from < n && IsNameByte(tag[from])) ++from;
  return from;
}

// Name bytes are checked by class; only a name with non-ASCII bytes needs
// its UTF-8 checked too.
bool IsValidName(std::string_view name) {
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) return IsValidUtf8(name);
  }
  return true;
}

// XML 1.0's Char production (surrogates are not UTF-8, so never get here).
bool IsXmlChar(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xFFFD && cp != 0xFFFE) || cp >= 0x10000;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// "&#x41;" body "#x41" -> 0x41; 0 when malformed or not an XML character.
uint32_t CharReference(std::string_view body) {
  bool hex = body.size() > 1 && body[1] == 'x';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  if (digits.size() > 8) return 0;
  uint32_t cp = 0;
  for (char c : digits) {
    int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                          : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return 0;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    if (cp > 0x10FFFF) return 0;
  }
  return IsXmlChar(cp) && (cp < 0xD800 || cp > 0xDFFF) ? cp : 0;
}

char PredefinedEntity(std::string_view name) {
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "amp") return '&';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  return 0;
}

// The longest reference worth waiting for: "&#x10FFFF;" is ten bytes; leading
// zeros ("&#0000065;") are allowed, up to this.
constexpr size_t kMaxReference = 64;

// Where a run of text may be cut before more arrives: not inside an entity,
// a UTF-8 sequence, or a CR that may be followed by LF. Only the text's last
// bytes are looked at, so a long run arriving in many chunks costs one pass.
size_t SafeCut(std::string_view text) {
  size_t cut = text.size();
  size_t tail = text.size() > kMaxReference ? text.size() - kMaxReference : 0;
  size_t amp = text.rfind('&');
  if (amp != std::string_view::npos && amp >= tail && text.find(';', amp) == std::string_view::npos) cut = amp;
  size_t lead = cut;
  for (size_t back = 0; back < 4 && lead > 0; ++back) {
    unsigned char c = static_cast<unsigned char>(text[lead - 1]);
    if ((c & 0xC0) != 0x80) {
      if (c >= 0xC0) cut = lead - 1;  // a lead byte: its sequence may be cut short; keep it for later
      break;
    }
    --lead;
  }
  if (cut > 0 && text[cut - 1] == '\r') --cut;
  return cut;
}

}  // namespace

bool XmlScanner::ReadsDocument(std::string_view head) {
  if (head.size() >= 2 && ((head[0] == '\xFE' && head[1] == '\xFF') || (head[0] == '\xFF' && head[1] == '\xFE')))
    return false;  // UTF-16
  if (head.size() >= 2 && (head[0] == '\0' || head[1] == '\0')) return false;
  if (head.substr(0, 3) == kBom) head.remove_prefix(3);
  if (head.substr(0, 5) != "<?xml") return true;
  size_t end = head.find("?>");
  if (end == std::string_view::npos) return false;  // let expat judge a declaration this long
  std::string decl = LowerAscii(head.substr(0, end));
  size_t at = decl.find("encoding");
  if (at == std::string::npos) return true;
  size_t quote = decl.find_first_of("\"'", at);
  if (quote == std::string::npos) return false;
  size_t close = decl.find(decl[quote], quote + 1);
  if (close == std::string::npos) return false;
  std::string name = decl.substr(quote + 1, close - quote - 1);
  return name == "utf-8" || name == "utf8";
}

bool XmlScanner::Feed(std::string_view chunk, bool final) {
  if (failed()) return false;
  if (carry_.empty()) {
    doc_ = chunk;
  } else {
    carry_.append(chunk);
    doc_ = carry_;
  }
  bool waiting = !SkipByteOrderMark(final);
  bool going = waiting || Run(final);
  if (going && doc_.size() - pos_ > kMaxToken) {
    Fail(pos_, "a token over " + std::to_string(kMaxToken >> 20) + " MiB (a limit against hostile workbooks)");
    going = false;
  }
  // Keep only what is not consumed: a token cut by the chunk's end.
  if (!failed()) CountLines(pos_);
  counted_ = 0;
  if (doc_.data() == carry_.data()) carry_.erase(0, pos_);
  else carry_.assign(doc_.substr(pos_));
  if (tag_scan_) tag_scan_ -= pos_;
  pos_ = 0;
  doc_ = {};
  return going && !sink_->Stopped();
}

// A byte-order mark is no content: skipped once, before anything is read.
// False while the document is too short to tell (more is to come).
bool XmlScanner::SkipByteOrderMark(bool final) {
  if (started_) return true;
  if (doc_.size() < kBom.size() && kBom.substr(0, doc_.size()) == doc_ && !final) return false;
  started_ = true;
  if (doc_.substr(0, kBom.size()) == kBom) pos_ = counted_ = kBom.size();  // not consumed: a declaration may follow
  return true;
}

bool XmlScanner::Run(bool final) {
  while (!sink_->Stopped()) {
    if (depth_ == content_depth_ && OfferContent()) continue;
    size_t lt = doc_.find('<', pos_);
    size_t end = lt == std::string::npos ? doc_.size() : lt;
    if (end > pos_) {
      Step s = TextRun(end, lt != std::string::npos || final);
      if (s == Step::Failed) return false;
      if (s == Step::NeedMore) break;
    }
    if (lt == std::string::npos) break;
    Step s = Markup(lt, final);
    if (s == Step::Failed) return false;
    if (s == Step::NeedMore) break;
  }
  if (!final || sink_->Stopped()) return true;
  if (pos_ < doc_.size()) return Fail(pos_, "malformed XML: unclosed token");
  if (depth_ != 0) return Fail(pos_, "malformed XML: unclosed token");
  if (!root_done_) return Fail(pos_, "malformed XML: no element found");
  return true;
}

// What the sink reads itself is consumed; a token cut short and searched
// for (tag_scan_) may have been part of it.
bool XmlScanner::OfferContent() {
  size_t read = sink_->Content(doc_.substr(pos_));
  if (read == 0) return false;
  Consume(pos_ + std::min(read, doc_.size() - pos_));
  tag_scan_ = 0;
  tag_quote_ = 0;
  return true;
}

XmlScanner::Step XmlScanner::TextRun(size_t end, bool complete) {
  std::string_view raw(doc_.data() + pos_, end - pos_);
  if (depth_ == 0) {  // before or after the root: white space only
    for (size_t i = 0; i < raw.size(); ++i)
      if (!IsSpace(raw[i]))
        return Failed(pos_ + i, root_done_ ? "malformed XML: junk after document element"
                                           : "malformed XML: syntax error");
    Consume(end);
    return Step::Done;
  }
  size_t cut = complete ? raw.size() : SafeCut(raw);
  if (cut > 0 && !EmitText(raw.substr(0, cut))) return Step::Failed;
  Consume(pos_ + cut);
  return cut == raw.size() ? Step::Done : Step::NeedMore;
}

// Text as the handler gets it: entities decoded, line ends normalized,
// checked. Text without any of that (nearly all) is passed as it lies.
bool XmlScanner::EmitText(std::string_view raw) {
  if (PlainPrefix(raw, false) == raw.size()) {
    sink_->Text(raw);
    return true;
  }
  if (!Decode(raw, false, &text_)) return false;
  if (!text_.empty()) sink_->Text(text_);
  return true;
}

// Decodes `raw` (at pos_ or later in doc_, for positions) into `out`.
bool XmlScanner::Decode(std::string_view raw, bool attribute, std::string* out) {
  out->clear();
  size_t plain = PlainPrefix(raw, attribute);  // copied as one run
  out->append(raw.substr(0, plain));
  if (plain == raw.size()) return true;
  size_t base = static_cast<size_t>(raw.data() - doc_.data());
  bool in_buffer = raw.data() >= doc_.data() && raw.data() <= doc_.data() + doc_.size();
  auto fail = [&](size_t i, const char* what) { return Fail(in_buffer ? base + i : pos_, what); };
  for (size_t i = plain; i < raw.size();) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (!Is(raw[i], kTextSpecial)) {
      *out += raw[i++];
    } else if (c == '&') {
      size_t semi = raw.substr(0, std::min(raw.size(), i + kMaxReference)).find(';', i);
      if (semi == std::string_view::npos) return fail(i, "malformed XML: not well-formed (invalid token)");
      std::string_view body = raw.substr(i + 1, semi - i - 1);
      if (char e = PredefinedEntity(body)) {
        *out += e;
      } else if (uint32_t cp = body.size() > 1 && body[0] == '#' ? CharReference(body) : 0) {
        AppendUtf8(cp, out);  // a reference is kept as written: &#13; stays CR
      } else {
        return fail(i, body.empty() || body[0] == '#' ? "malformed XML: reference to invalid character number"
                                                      : "malformed XML: undefined entity");
      }
      i = semi + 1;
    } else if (c == '\r') {
      *out += attribute ? ' ' : '\n';
      i += i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1;
    } else if (c < 0x20) {
      if (c != '\t' && c != '\n') return fail(i, "malformed XML: not well-formed (invalid token)");
      *out += attribute ? ' ' : static_cast<char>(c);
      ++i;
    } else if (c == '>' && !attribute && i >= 2 && raw[i - 1] == ']' && raw[i - 2] == ']') {
      return fail(i, "malformed XML: not well-formed (invalid token)");  // "]]>" ends only CDATA
    } else if (c == '<' && attribute) {
      return fail(i, "malformed XML: not well-formed (invalid token)");
    } else if (c < 0x80) {
      *out += static_cast<char>(c);
      ++i;
    } else {
      size_t length = Utf8SequenceLength(raw.substr(i));
      size_t at = i;
      if (length == 0 || !IsXmlChar(DecodeUtf8(raw, &at)))
        return fail(i, "malformed XML: not well-formed (invalid token)");
      out->append(raw.substr(i, length));
      i += length;
    }
  }
  return true;
}

XmlScanner::Step XmlScanner::Markup(size_t lt, bool final) {
  auto more = [&](size_t need) { return doc_.size() - lt < need && !final; };
  if (more(2)) return Step::NeedMore;
  if (lt + 1 >= doc_.size()) return Failed(lt, "malformed XML: unclosed token");
  char c = doc_[lt + 1];
  if (c == '?') return Skip(lt, "?>", final);
  if (c == '!') {
    if (doc_.compare(lt, 4, "<!--") == 0) return Skip(lt, "-->", final);
    if (doc_.compare(lt, 9, "<![CDATA[") == 0) return Cdata(lt, final);
    if (doc_.compare(lt, 9, "<!DOCTYPE") == 0) {
      return Failed(lt, "DOCTYPE declarations are not allowed");
    }
    if (more(9)) return Step::NeedMore;
    return Failed(lt, "malformed XML: not well-formed (invalid token)");
  }
  if (c != '/' && tag_scan_ == 0) {  // a start tag is read at once, unless it is known to be cut
    Step s = StartTag(lt);
    if (s != Step::NeedMore) return s;
  }
  // An end tag, or a start tag cut by the chunk's end: its end is searched
  // for once, resuming across chunks, so a long tag is not read again and
  // again; a start tag is then read whole.
  size_t gt = FindTagEnd(lt);
  if (gt == std::string::npos) {
    if (!final) return Step::NeedMore;
    return Failed(lt, "malformed XML: unclosed token");
  }
  return c == '/' ? EndTag(lt, gt) : StartTag(lt);
}

// The '>' that ends the tag at `lt`, quotes respected; resumes where the
// last search stopped, so a tag cut by many chunks is scanned once.
size_t XmlScanner::FindTagEnd(size_t lt) {
  size_t i = tag_scan_ ? tag_scan_ : lt + 1;
  char quote = tag_scan_ ? tag_quote_ : 0;
  const char* data = doc_.data();
  for (size_t n = doc_.size(); i < n; ++i) {
    char c = data[i];
    if (!Is(c, kTagStop)) continue;
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c != '>') {
      quote = c;
    } else {
      tag_scan_ = 0;
      tag_quote_ = 0;
      return i;
    }
  }
  tag_scan_ = i;
  tag_quote_ = quote;
  return std::string::npos;
}

// A start tag, read where it lies, in one pass: names and plain values are
// views into the document; only values with references or white space to
// normalize are decoded, into decoded_. NeedMore when the document ends
// before the tag does.
XmlScanner::Step XmlScanner::StartTag(size_t lt) {
  if (root_done_) return Failed(lt, "malformed XML: junk after document element");
  const char* p = doc_.data();
  const size_t n = doc_.size();
  auto invalid = [&](size_t at) { return Failed(at, "malformed XML: not well-formed (invalid token)"); };
  auto spaces = [&](size_t i) {
    while (i < n && IsSpace(p[i])) ++i;
    return i;
  };
  size_t i = NameEnd(doc_, lt + 1, n);
  if (i >= n) return Step::NeedMore;
  std::string_view name(p + lt + 1, i - lt - 1);
  if (name.empty() || !IsNameStart(name[0]) || !IsValidName(name)) return invalid(lt + 1);
  attrs_.clear();
  decoded_.clear();
  decoded_at_.clear();
  bool empty_element = false;
  while (true) {
    size_t space = i;
    if ((i = spaces(i)) >= n) return Step::NeedMore;
    if (p[i] == '>') break;
    if (p[i] == '/') {
      if (i + 1 >= n) return Step::NeedMore;
      if (p[i + 1] != '>') return invalid(i);
      empty_element = true;
      ++i;
      break;
    }
    if (i == space) return invalid(i);  // attributes are set apart by white space
    size_t name_start = i;
    if ((i = NameEnd(doc_, i, n)) >= n) return Step::NeedMore;
    std::string_view attr_name(p + name_start, i - name_start);
    if (attr_name.empty() || !IsNameStart(attr_name[0]) || !IsValidName(attr_name)) return invalid(name_start);
    if ((i = spaces(i)) >= n) return Step::NeedMore;
    if (p[i] != '=') return invalid(i);
    if ((i = spaces(i + 1)) >= n) return Step::NeedMore;
    char quote = p[i];
    if (quote != '"' && quote != '\'') return invalid(i);
    size_t value_start = ++i;
    // The closing quote by memchr, then the value tested whole: long values
    // (a relationship's URL) cost a fraction of a byte-by-byte test.
    const char* close = static_cast<const char*>(std::memchr(p + i, quote, n - i));
    if (!close) return Step::NeedMore;
    i = static_cast<size_t>(close - p);
    bool plain = !HasTextSpecial(std::string_view(p + value_start, i - value_start));
    std::string_view raw(p + value_start, i - value_start);
    ++i;
    if (!plain) {
      if (!Decode(raw, true, &text_)) return Step::Failed;
      decoded_at_.push_back({attrs_.size(), decoded_.size()});
      decoded_.append(text_);
      raw = {};  // set once decoded_ stops growing
    }
    attrs_.push_back({attr_name, raw});
  }
  for (size_t k = 0; k < decoded_at_.size(); ++k) {
    auto [attr, at] = decoded_at_[k];
    size_t end = k + 1 < decoded_at_.size() ? decoded_at_[k + 1].second : decoded_.size();
    attrs_[attr].value = std::string_view(decoded_).substr(at, end - at);
  }
  if (HasDuplicateAttribute()) return Failed(lt + 1, "malformed XML: duplicate attribute");
  tag_scan_ = 0;  // (set when the tag was cut and its end searched for)
  sink_->Start(name, XmlAttributes(attrs_.data(), attrs_.size()));
  if (empty_element) {
    sink_->End(name);
    root_done_ = depth_ == 0;
  } else {
    if (depth_ == open_.size()) open_.emplace_back(name);
    else open_[depth_].assign(name);
    ++depth_;
    if (sink_->ReadsContent()) content_depth_ = depth_;
  }
  Consume(i + 1);
  return Step::Done;
}

XmlScanner::Step XmlScanner::EndTag(size_t lt, size_t gt) {
  std::string_view name = doc_.substr(lt + 2, gt - lt - 2);
  while (!name.empty() && IsSpace(name.back())) name.remove_suffix(1);
  if (depth_ == 0 || name != open_[depth_ - 1]) {
    return Failed(lt + 2, "malformed XML: mismatched tag");
  }
  sink_->End(name);
  if (depth_ == content_depth_) content_depth_ = SIZE_MAX;
  --depth_;
  root_done_ = depth_ == 0;
  Consume(gt + 1);
  return Step::Done;
}

// A comment or processing instruction, from `lt` to `close`: skipped.
XmlScanner::Step XmlScanner::Skip(size_t lt, std::string_view close, bool final) {
  bool comment = close == "-->";
  size_t from = lt + (comment ? 4 : 2);
  size_t end = FindClose(lt, from, close);
  if (end == std::string::npos) return final ? Failed(lt, "malformed XML: unclosed token") : Step::NeedMore;
  std::string_view body(doc_.data() + from, end - from);
  if (comment && body.find("--") != std::string_view::npos) {
    return Failed(lt, "malformed XML: not well-formed (invalid token)");
  }
  if (!comment) {  // a target name; "xml" only as the declaration at the very start
    size_t name = 0;
    while (name < body.size() && IsNameByte(body[name])) ++name;
    if (name == 0 || !IsNameStart(body[0]))
      return Failed(lt, "malformed XML: not well-formed (invalid token)");
    if (LowerAscii(body.substr(0, name)) == "xml" && consumed_)
      return Failed(lt, "malformed XML: XML or text declaration not at start of entity");
  }
  if (comment && !body.empty() && body.back() == '-')  // "--->"
    return Failed(lt, "malformed XML: not well-formed (invalid token)");
  if (!CheckCharacters(body)) return Step::Failed;  // no entities here: '&' is itself
  Consume(end + close.size());
  return Step::Done;
}

XmlScanner::Step XmlScanner::Cdata(size_t lt, bool final) {
  size_t end = FindClose(lt, lt + 9, "]]>");
  if (end == std::string::npos) return final ? Failed(lt, "malformed XML: unclosed token") : Step::NeedMore;
  if (depth_ == 0) {
    return Failed(lt, "malformed XML: syntax error");
  }
  std::string_view body(doc_.data() + lt + 9, end - lt - 9);
  // No entities in CDATA: '&' is itself. Line ends and characters as in text.
  if (!CheckCharacters(body)) return Step::Failed;
  text_.clear();
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\r') text_ += body[i];
    else if (i + 1 == body.size() || body[i + 1] != '\n') text_ += '\n';
  }
  if (!text_.empty()) sink_->Text(text_);
  Consume(end + 3);
  return Step::Done;
}

// Where `close` starts, searching from `from` (or where the last search for
// the token at `lt` stopped); npos when not yet there.
size_t XmlScanner::FindClose(size_t lt, size_t from, std::string_view close) {
  size_t start = tag_scan_ > lt ? std::max(from, tag_scan_) : from;
  size_t end = doc_.find(close, start);
  if (end != std::string::npos) {
    tag_scan_ = 0;
    return end;
  }
  tag_scan_ = std::max(from, doc_.size() >= close.size() ? doc_.size() - close.size() + 1 : from);
  return std::string::npos;
}

// Checks that `raw` (in doc_) holds only XML characters in UTF-8.
bool XmlScanner::CheckCharacters(std::string_view raw) {
  for (size_t i = 0; i < raw.size();) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    size_t length = c < 0x80 ? 1 : Utf8SequenceLength(raw.substr(i));
    size_t at = i;
    if (length == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x80 && !IsXmlChar(DecodeUtf8(raw, &at))))
      return Fail(static_cast<size_t>(raw.data() - doc_.data()) + i, "malformed XML: not well-formed (invalid token)");
    i += length;
  }
  return true;
}

// Duplicate attribute names, found by sorting a copy when there are many.
bool XmlScanner::HasDuplicateAttribute() {
  if (attrs_.size() <= 8) {
    for (size_t i = 0; i < attrs_.size(); ++i)
      for (size_t j = i + 1; j < attrs_.size(); ++j)
        if (attrs_[i].name.size() == attrs_[j].name.size() && attrs_[i].name[0] == attrs_[j].name[0] &&
            attrs_[i].name == attrs_[j].name)
          return true;
    return false;
  }
  sorted_names_.clear();
  for (const XmlAttribute& a : attrs_) sorted_names_.push_back(a.name);
  std::sort(sorted_names_.begin(), sorted_names_.end());
  return std::adjacent_find(sorted_names_.begin(), sorted_names_.end()) != sorted_names_.end();
}

XmlScanner::Step XmlScanner::Failed(size_t at, std::string what) {
  Fail(at, std::move(what));
  return Step::Failed;
}

bool XmlScanner::Fail(size_t at, std::string what) {
  if (!error_.empty()) return false;
  error_ = std::move(what);
  CountLines(pos_);
  error_line_ = line_;
  error_column_ = column_;
  for (size_t i = pos_; i < at && i < doc_.size(); ++i) {
    if (doc_[i] == '\n') {
      ++error_line_;
      error_column_ = 0;
    } else {
      ++error_column_;
    }
  }
  return false;
}

void XmlScanner::Consume(size_t to) {
  consumed_ = consumed_ || to > pos_;
  pos_ = to;
}

// Lines and columns are counted up to `to` only when needed (an error, the
// end of a chunk): one pass over the chunk, not one search per token.
void XmlScanner::CountLines(size_t to) {
  if (to <= counted_) return;  // (nothing to count; doc_ may be empty, its data null)
  const char* p = doc_.data() + counted_;
  const char* end = doc_.data() + to;
  for (const char* nl; (nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))));) {
    ++line_;
    column_ = 0;
    p = nl + 1;
  }
  column_ += end - p;
  counted_ = to;
}

Status XmlScanner::Error(const std::string& where) const {
  if (error_.empty()) return Status::Ok();
  return Status::Error(where + ":" + std::to_string(error_line_) + ":" + std::to_string(error_column_ + 1) + ": " +
                       error_);
}

}  // namespace icetrack
