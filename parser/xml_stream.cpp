#include "parser/xml_stream.h"

#include <expat.h>

#include "parser/xml_scanner.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace icetrack {

namespace {

constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelNsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

// Neither reader processes namespaces (it cost expat about a tenth of the
// parse); prefixes are resolved here instead. OOXML declares them on the root
// element, so one flat prefix -> URI table is enough.

// "x:row" -> "row". (A loop, not find(): names are a few bytes, and a call
// of memchr costs more than they do; this runs for every tag.)
std::string_view LocalName(std::string_view name) {
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == ':') return name.substr(i + 1);
  }
  return name;
}

// (A loop, not find(): names are a few bytes, and this runs for every attribute.)
bool HasColon(std::string_view name) {
  for (char c : name) {
    if (c == ':') return true;
  }
  return false;
}

bool IsNamespaceDeclaration(std::string_view name) {
  return name.starts_with("xmlns") && (name.size() == 5 || name[5] == ':');
}

struct ParseState : XmlNames {
  XmlHandler* handler;
  XML_Parser parser = nullptr;  // null when the scanner reads
  std::string refusal;  // set when we stop the parser on purpose
  // Hashed, not searched: a hostile part can declare a hundred thousand
  // prefixes (a linear search made 60,000 of them take 12 s).
  std::unordered_map<std::string, std::string> namespaces;  // prefix -> URI
  // "id" -> "r:id" and the like, for attributes in the relationships
  // namespace (whatever their prefix); node-based, so views of them stay valid.
  std::unordered_map<std::string, std::string> relationship_names;
  std::string last_prefix;  // the prefix Attribute() last resolved (cleared by Declare)
  bool last_prefix_known = false, last_prefix_is_relationships = false;
  std::vector<XmlAttribute> attrs;        // reused: no allocation per element
  std::vector<XmlAttribute> expat_attrs;  // expat's, as views

  bool InRelationshipsNamespace(std::string_view prefix) const {
    auto it = namespaces.find(std::string(prefix));
    return it != namespaces.end() && (it->second == kRelNs || it->second == kRelNsStrict);
  }

  void Declare(std::string_view prefix, std::string_view uri) {
    namespaces[std::string(prefix)] = uri;
    last_prefix.clear();
    last_prefix_known = false;
  }

  std::string_view RelationshipName(std::string_view local) {
    std::string& name = relationship_names[std::string(local)];
    if (name.empty()) name = "r:" + std::string(local);
    return name;
  }

  std::string_view Attribute(std::string_view qualified) override {
    size_t colon = qualified.find(':');
    if (colon == std::string_view::npos) return qualified;
    std::string_view prefix = qualified.substr(0, colon), local = qualified.substr(colon + 1);
    // The same prefix on every row (x14ac:dyDescent): looked up once.
    if (!last_prefix_known || prefix != last_prefix) {
      last_prefix.assign(prefix);
      last_prefix_is_relationships = InRelationshipsNamespace(prefix);
      last_prefix_known = true;
    }
    return last_prefix_is_relationships ? RelationshipName(local) : local;
  }

  // Attributes reach the handler by local name, except those in the
  // relationships namespace, which keep an "r:" prefix (r:id is not id).
  // Most tags have no prefixed attribute: they are passed on as they are.
  void Start(std::string_view name, XmlAttributes attrs_in) {
    bool plain = true;
    for (const XmlAttribute& a : attrs_in) {
      if (!HasColon(a.name) && a.name != "xmlns") continue;
      plain = false;
      if (a.name.starts_with("xmlns:")) Declare(a.name.substr(6), a.value);
    }
    if (!plain) {
      attrs.clear();
      for (const XmlAttribute& a : attrs_in) {
        if (IsNamespaceDeclaration(a.name)) continue;
        attrs.push_back({Attribute(a.name), a.value});
      }
      attrs_in = XmlAttributes(attrs.data(), attrs.size());
    }
    handler->OnStart(LocalName(name), attrs_in);
    StopIfAsked();
  }

  // Whether the handler asked for the content of the element just started
  // (only the scanner offers it).
  bool TakeContentRequest() { return std::exchange(handler->wants_content, false) && !parser; }

  void End(std::string_view name) {
    handler->OnEnd(LocalName(name));
    StopIfAsked();
  }

  // A handler's request to stop reaches expat at once (the scanner asks).
  void StopIfAsked() {
    if (parser && handler->stop_requested) XML_StopParser(parser, XML_FALSE);
  }
};

void Stop(ParseState* st, const char* why) {
  if (st->refusal.empty()) st->refusal = why;
  XML_StopParser(st->parser, XML_FALSE);
}

void XMLCALL OnStart(void* data, const char* name, const char** attrs) {
  auto* st = static_cast<ParseState*>(data);
  st->expat_attrs.clear();
  for (int i = 0; attrs[i]; i += 2) st->expat_attrs.push_back({attrs[i], attrs[i + 1]});
  st->Start(name, XmlAttributes(st->expat_attrs.data(), st->expat_attrs.size()));
  st->TakeContentRequest();
}

void XMLCALL OnEnd(void* data, const char* name) { static_cast<ParseState*>(data)->End(name); }

void XMLCALL OnText(void* data, const char* text, int len) {
  auto* st = static_cast<ParseState*>(data);
  st->handler->OnText(std::string_view(text, static_cast<size_t>(len)));
}

void XMLCALL OnDoctype(void* data, const char*, const char*, const char*, int) {
  Stop(static_cast<ParseState*>(data), "DOCTYPE declarations are not allowed");
}

void XMLCALL OnEntityDecl(void* data, const char*, int, const char*, int, const char*, const char*,
                          const char*, const char*) {
  Stop(static_cast<ParseState*>(data), "entity declarations are not allowed");
}

// The scanner's events, through the same name handling as expat's.
class ScannerSink : public XmlScanner::Sink {
 public:
  explicit ScannerSink(ParseState* state) : state_(state) {}
  void Start(std::string_view name, XmlAttributes attrs) override {
    state_->Start(name, attrs);
    reads_content_ = state_->TakeContentRequest();
  }
  void End(std::string_view name) override { state_->End(name); }
  void Text(std::string_view text) override { state_->handler->OnText(text); }
  bool Stopped() const override { return state_->handler->stop_requested; }
  bool ReadsContent() override { return reads_content_; }
  size_t Content(std::string_view rest) override { return state_->handler->ReadContent(rest, *state_); }

 private:
  ParseState* state_;
  bool reads_content_ = false;  // asked for at the last Start
};

// One document: read by XmlScanner when it is UTF-8 (every part Excel
// writes), by expat otherwise. Decided on the first bytes; RAII.
class Parser {
 public:
  explicit Parser(XmlHandler* handler) : sink_(&state_), scanner_(&sink_) { state_.handler = handler; }
  ~Parser() {
    if (parser_) XML_ParserFree(parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Returns false once parsing is over (error or stop); check Error().
  bool Feed(std::string_view chunk, bool final) {
    if (!decided_) {
      decided_ = true;
      if (!XmlScanner::ReadsDocument(chunk)) StartExpat();
    }
    if (!parser_) return scanner_.Feed(chunk, final);
    if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), final) != XML_STATUS_ERROR)
      return !state_.handler->stop_requested;
    if (!state_.refusal.empty() || XML_GetErrorCode(parser_) != XML_ERROR_ABORTED) failed_ = true;
    if (state_.handler->stop_requested && state_.refusal.empty()) failed_ = false;
    return false;
  }

  Status Error(const std::string& where) const {
    if (!parser_) return scanner_.Error(where);
    if (!failed_) return Status::Ok();
    std::string why = state_.refusal.empty()
                          ? std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser_))
                          : state_.refusal;
    return Status::Error(where + ":" + std::to_string(XML_GetCurrentLineNumber(parser_)) + ":" +
                         std::to_string(XML_GetCurrentColumnNumber(parser_) + 1) + ": " + why);
  }

 private:
  void StartExpat() {
    parser_ = XML_ParserCreate(nullptr);  // the document's own encoding
    state_.parser = parser_;
    XML_SetUserData(parser_, &state_);
    XML_SetElementHandler(parser_, OnStart, OnEnd);
    XML_SetCharacterDataHandler(parser_, OnText);
    XML_SetStartDoctypeDeclHandler(parser_, OnDoctype);
    XML_SetEntityDeclHandler(parser_, OnEntityDecl);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  }

  ParseState state_;
  ScannerSink sink_;
  XmlScanner scanner_;
  XML_Parser parser_ = nullptr;
  bool decided_ = false;
  bool failed_ = false;
};

}  // namespace

Status ParseXmlPart(const ZipArchive& zip, const std::string& part, XmlHandler* handler) {
  Parser parser(handler);
  bool running = true;
  Status read = zip.Read(part, [&](std::string_view chunk) {
    running = parser.Feed(chunk, false);
    return running;
  });
  if (!read.ok()) return read;
  if (running) parser.Feed({}, true);
  return parser.Error(zip.label() + ": " + part);
}

Status ParseXmlText(std::string_view text, const std::string& where, XmlHandler* handler) {
  Parser parser(handler);
  if (parser.Feed(text, true)) return Status::Ok();
  return parser.Error(where);
}

}  // namespace icetrack
