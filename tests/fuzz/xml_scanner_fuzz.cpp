// Fuzz target: XmlScanner (parser/xml_scanner.h) against expat, on the same
// bytes, fed in chunks whose size the first byte picks (so that every token
// is cut somewhere). Invariant: whatever expat reads without error, the
// scanner reads to the same events (elements, attributes in order, text
// joined between tags). The scanner may refuse more than expat (it checks
// less of the DTD-free prolog's fine print, never what the readers use).
#include <expat.h>

#include <string>
#include <vector>

#include "parser/xml_scanner.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

struct Events {
  std::vector<std::string> list;
  void Text(std::string_view text) {
    if (!list.empty() && list.back()[0] == 'T') list.back().append(text);
    else list.push_back("T" + std::string(text));
  }
  void Start(std::string_view name, icetrack::XmlAttributes attrs) {
    std::string e = "S" + std::string(name);
    for (const icetrack::XmlAttribute& a : attrs) e += " " + std::string(a.name) + "=" + std::string(a.value);
    list.push_back(e);
  }
  void End(std::string_view name) { list.push_back("E" + std::string(name)); }
};

struct ExpatRun {
  Events events;
  bool refused = false;
};

void XMLCALL ExpatStart(void* d, const char* name, const char** attrs) {
  std::vector<icetrack::XmlAttribute> list;
  for (int i = 0; attrs[i]; i += 2) list.push_back({attrs[i], attrs[i + 1]});
  static_cast<ExpatRun*>(d)->events.Start(name, icetrack::XmlAttributes(list.data(), list.size()));
}
void XMLCALL ExpatEnd(void* d, const char* name) { static_cast<ExpatRun*>(d)->events.End(name); }
void XMLCALL ExpatText(void* d, const char* text, int len) {
  static_cast<ExpatRun*>(d)->events.Text(std::string_view(text, static_cast<size_t>(len)));
}
void XMLCALL ExpatDoctype(void* d, const char*, const char*, const char*, int) { static_cast<ExpatRun*>(d)->refused = true; }

bool RunExpat(std::string_view xml, ExpatRun* run) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, run);
  XML_SetElementHandler(p, ExpatStart, ExpatEnd);
  XML_SetCharacterDataHandler(p, ExpatText);
  XML_SetStartDoctypeDeclHandler(p, ExpatDoctype);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) != XML_STATUS_ERROR;
  XML_ParserFree(p);
  return ok && !run->refused;
}

struct ScannerRun : icetrack::XmlScanner::Sink {
  Events events;
  void Start(std::string_view name, icetrack::XmlAttributes attrs) override { events.Start(name, attrs); }
  void End(std::string_view name) override { events.End(name); }
  void Text(std::string_view text) override { events.Text(text); }
  bool Stopped() const override { return false; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t chunk = 1 + data[0] % 64;
  std::string_view xml = icetrack::fuzz::Text(data + 1, size - 1);
  if (!icetrack::XmlScanner::ReadsDocument(xml)) return 0;
  ScannerRun scanned;
  icetrack::XmlScanner scanner(&scanned);
  for (size_t at = 0; at < xml.size() && !scanner.failed(); at += chunk)
    scanner.Feed(xml.substr(at, std::min(chunk, xml.size() - at)), false);
  scanner.Feed({}, true);
  FUZZ_CHECK(scanner.failed() == !scanner.Error("x").ok());
  ExpatRun expat;
  if (!RunExpat(xml, &expat)) return 0;
  if (scanner.failed()) std::fprintf(stderr, "scanner refused: %s\n", scanner.Error("input").message().c_str());
  FUZZ_CHECK(!scanner.failed());
  FUZZ_CHECK(scanned.events.list == expat.events.list);
  return 0;
}
