#include "parser/xml_stream.h"

#include <expat.h>

#include "parser/xml_scanner.h"

#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace icetrack {

namespace {

constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelNsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

// Expat runs without namespace processing (it costs about a tenth of the
// parse); prefixes are resolved here instead. OOXML declares them on the root
// element, so one flat prefix -> URI table is enough.

// "x:row" -> "row" (a pointer into expat's own string: no copy).
const char* LocalName(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

struct ParseState {
  XmlHandler* handler;
  XML_Parser parser = nullptr;  // null when the scanner reads
  std::string refusal;  // set when we stop the parser on purpose
  std::unordered_map<std::string, std::string> namespaces;  // prefix -> URI
  // "id" -> "r:id" for attributes in the relationships namespace; node-based,
  // so the pointers handed to the handler stay valid.
  std::unordered_map<std::string, std::string> relationship_names;
  std::vector<const char*> attrs;  // reused: no allocation per element
};

bool IsNamespaceDeclaration(const char* name) {
  return std::strncmp(name, "xmlns", 5) == 0 && (name[5] == '\0' || name[5] == ':');
}

// Attributes reach the handler by local name, except those in the
// relationships namespace, which keep an "r:" prefix (r:id is not id).
const char* AttributeName(ParseState* st, const char* name) {
  const char* colon = std::strchr(name, ':');
  if (!colon) return name;
  auto ns = st->namespaces.find(std::string(name, static_cast<size_t>(colon - name)));
  if (ns == st->namespaces.end() || (ns->second != kRelNs && ns->second != kRelNsStrict)) return colon + 1;
  std::string& prefixed = st->relationship_names[colon + 1];
  if (prefixed.empty()) prefixed = std::string("r:") + (colon + 1);
  return prefixed.c_str();
}

void Stop(ParseState* st, const char* why) {
  if (st->refusal.empty()) st->refusal = why;
  XML_StopParser(st->parser, XML_FALSE);
}

// A handler's request to stop reaches expat at once (the scanner asks).
void StopIfAsked(ParseState* st) {
  if (st->parser && st->handler->stop_requested) XML_StopParser(st->parser, XML_FALSE);
}

void XMLCALL OnStart(void* data, const char* name, const char** attrs) {
  auto* st = static_cast<ParseState*>(data);
  for (int i = 0; attrs[i]; i += 2) {
    if (IsNamespaceDeclaration(attrs[i]) && attrs[i][5] == ':') st->namespaces[attrs[i] + 6] = attrs[i + 1];
  }
  st->attrs.clear();
  for (int i = 0; attrs[i]; i += 2) {
    if (IsNamespaceDeclaration(attrs[i])) continue;
    st->attrs.push_back(AttributeName(st, attrs[i]));
    st->attrs.push_back(attrs[i + 1]);
  }
  st->attrs.push_back(nullptr);
  st->handler->OnStart(LocalName(name), st->attrs.data());
  StopIfAsked(st);
}

void XMLCALL OnEnd(void* data, const char* name) {
  auto* st = static_cast<ParseState*>(data);
  st->handler->OnEnd(LocalName(name));
  StopIfAsked(st);
}

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
  void Start(const char* name, const char** attrs) override { OnStart(state_, name, attrs); }
  void End(const char* name) override { OnEnd(state_, name); }
  void Text(std::string_view text) override { state_->handler->OnText(text); }
  bool Stopped() const override { return state_->handler->stop_requested; }

 private:
  ParseState* state_;
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

const char* FindAttr(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i]; i += 2) {
    if (name == attrs[i]) return attrs[i + 1];
  }
  return nullptr;
}

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
