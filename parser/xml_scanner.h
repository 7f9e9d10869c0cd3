// Internal to parser/: XmlScanner, a streaming reader of XML in UTF-8 — what
// Excel writes in every part of a workbook — in one pass, at about a third
// of expat's cost on ICE's workbooks (docs/PERFORMANCE.md: expat was 60 % of
// the instructions of `parse`, the rest of the reader and the normalizer 30 %).
//
// Why not expat alone: the workbook is XML, but only the well-formed subset
// that matters is needed here, and expat's general machinery (encodings,
// DTDs, its own buffer copies) costs more than the whole reader around it.
// Documents in other encodings (a UTF-16 byte-order mark, an encoding
// declaration other than UTF-8) still go to expat (xml_stream.cpp decides).
//
// Promises, as expat's do: elements balanced and properly nested, one root,
// attributes quoted and unique, the five predefined entities and character
// references decoded (anything else is an error, so are DOCTYPE and entity
// declarations), CDATA read as text, comments and processing instructions
// skipped, line ends normalized (CR LF and CR to LF), attribute white space
// normalized, text and names valid UTF-8 without control characters.
// Anything else is an error with its line and column. The fuzz target
// xml_scanner_fuzz checks that it reads what expat reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"
#include "parser/xml_attributes.h"

namespace icetrack {

class XmlScanner {
 public:
  // What the scanner reports; names are qualified ("x:row"). Names, values
  // and text are views valid during the call only.
  class Sink {
   public:
    virtual ~Sink() = default;
    virtual void Start(std::string_view name, XmlAttributes attrs) = 0;
    virtual void End(std::string_view name) = 0;
    virtual void Text(std::string_view text) = 0;
    virtual bool Stopped() const = 0;  // stop at the next token, without error

    // A fast path for the bulk of a document (a sheet's rows). Asked after
    // Start of an element with content: whether the sink reads that content
    // itself. If so, Content is offered the document where it lies before
    // each token directly inside the element, and returns how many bytes it
    // has read: whole elements and white space whose events it has handled
    // exactly as Start, End and Text would have been called for them (the
    // same checks passed). 0 leaves the next token to the scanner, which
    // offers the content again once it is back at that depth.
    virtual bool ReadsContent() { return false; }
    virtual size_t Content(std::string_view) { return 0; }
  };

  explicit XmlScanner(Sink* sink) : sink_(sink) {}

  // Whether a document that starts with `head` is UTF-8 (no UTF-16 mark,
  // no other encoding declared), so that this scanner reads it.
  static bool ReadsDocument(std::string_view head);

  // Scans `chunk`; `final` when it is the last. Returns false once the scan
  // is over: an error (see failed()), a stop, or the end. The chunk is read
  // where it lies; only a token it cuts short is copied, to be completed by
  // the next chunk (a whole document in one chunk is never copied).
  bool Feed(std::string_view chunk, bool final);
  bool failed() const { return !error_.empty(); }
  // "<where>:LINE:COLUMN: <what>", or OK.
  Status Error(const std::string& where) const;

 private:
  enum class Step { Done, NeedMore, Failed };
  bool Run(bool final);
  bool OfferContent();
  Step Markup(size_t lt, bool final);
  Step StartTag(size_t lt);
  Step EndTag(size_t lt, size_t gt);
  Step Skip(size_t lt, std::string_view close, bool final);
  Step Cdata(size_t lt, bool final);
  Step TextRun(size_t end, bool complete);
  bool EmitText(std::string_view raw);
  bool Decode(std::string_view raw, bool attribute, std::string* out);
  size_t FindTagEnd(size_t lt);
  size_t FindClose(size_t lt, size_t from, std::string_view close);
  Step Failed(size_t at, std::string what);
  bool CheckCharacters(std::string_view raw);
  bool HasDuplicateAttribute();
  bool Fail(size_t at, std::string what);
  void Consume(size_t to);
  void CountLines(size_t to);
  bool SkipByteOrderMark(bool final);

  Sink* sink_;
  std::string_view doc_;           // what is being scanned: the chunk itself, or carry_ + chunk
  std::string carry_;              // the unconsumed end of the last chunk
  size_t pos_ = 0;                 // first byte of doc_ not consumed
  int64_t line_ = 1, column_ = 0;  // of counted_
  size_t counted_ = 0;             // where in doc_ line_ and column_ are
  std::vector<std::string> open_;  // the open elements, outermost first: open_[0, depth_)
  size_t depth_ = 0;               // (kept beyond depth_, so that a name's storage is reused)
  size_t content_depth_ = SIZE_MAX;  // the depth whose content the sink reads itself (Sink::Content)
  bool root_done_ = false;
  bool started_ = false;           // past a byte-order mark
  bool consumed_ = false;          // anything read: a declaration must come first
  size_t tag_scan_ = 0;            // where the search for the token's end resumes, 0 for none
  char tag_quote_ = 0;             // the quote open at tag_scan_
  std::string text_, decoded_;     // scratch: decoded text; decoded attribute values
  std::vector<XmlAttribute> attrs_;
  std::vector<std::pair<size_t, size_t>> decoded_at_;  // each decoded value: its attribute, its start in decoded_
  std::vector<std::string_view> sorted_names_;
  std::string error_;
  int64_t error_line_ = 0, error_column_ = 0;
};

}  // namespace icetrack
