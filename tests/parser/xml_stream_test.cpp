#include <doctest/doctest.h>

#include <vector>

#include "parser/xml_stream.h"

namespace icetrack {
namespace {

struct Recorder : XmlHandler {
  std::vector<std::string> events;
  void OnStart(std::string_view name, XmlAttributes attrs) override {
    std::string e = "<" + std::string(name);
    for (const XmlAttribute& a : attrs) e += " " + std::string(a.name) + "=" + std::string(a.value);
    events.push_back(e);
  }
  void OnEnd(std::string_view name) override { events.push_back("/" + std::string(name)); }
  void OnText(std::string_view text) override { events.push_back(std::string(text)); }
};

TEST_CASE("names arrive without prefixes — relationship ids keep r:") {
  Recorder r;
  Status s = ParseXmlText(
      "<x:sheet xmlns:x='urn:main' xmlns:rel='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
      "<x:hyperlink ref='A1' rel:id='rId1'/></x:sheet>",
      "doc", &r);
  REQUIRE(s.ok());
  REQUIRE(r.events.size() == 4);
  CHECK(r.events[0] == "<sheet");
  CHECK(r.events[1] == "<hyperlink ref=A1 r:id=rId1");
}

TEST_CASE("DOCTYPE and entity declarations are refused with a position") {
  Recorder r;
  Status s = ParseXmlText("<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
                          "book.xlsx: xl/sharedStrings.xml", &r);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("book.xlsx: xl/sharedStrings.xml:2:") == 0);
  CHECK(s.message().find("DOCTYPE declarations are not allowed") != std::string::npos);
}

TEST_CASE("malformed XML names the line and column") {
  Recorder r;
  Status s = ParseXmlText("<a>\n  <b></c>\n</a>", "f.xlsx: xl/workbook.xml", &r);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "f.xlsx: xl/workbook.xml:2:8: malformed XML: mismatched tag");
}

TEST_CASE("a handler may stop early without an error") {
  struct Stopper : XmlHandler {
    int starts = 0;
    void OnStart(std::string_view, XmlAttributes) override {
      if (++starts == 2) stop_requested = true;
    }
    void OnEnd(std::string_view) override {}
  } h;
  CHECK(ParseXmlText("<a><b/><c/><d/></a>", "doc", &h).ok());
  CHECK(h.starts == 2);
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("prefixes mean what their declaration says, not what they are called") {
  Recorder r;
  REQUIRE(ParseXmlText("<a xmlns:r='urn:not-relationships' xmlns:q='http://purl.oclc.org/ooxml/officeDocument/relationships'>"
                       "<b r:id='1' q:id='2' xml:space='preserve'/></a>",
                       "doc", &r).ok());
  REQUIRE(r.events.size() == 4);
  CHECK(r.events[0] == "<a");  // namespace declarations are not attributes
  CHECK(r.events[1] == "<b id=1 r:id=2 space=preserve");
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("found by review: many declared prefixes are looked up by hash, the relationships one found among them") {
  // 60,000 prefixes took 12 s when each was searched for in a list; here
  // 20,000, one of them the relationships namespace, declared last.
  std::string root = "<x:sheet xmlns:x='urn:main'";
  std::string attrs;
  for (int i = 0; i < 20000; ++i) {
    root += " xmlns:p" + std::to_string(i) + "='urn:" + std::to_string(i) + "'";
    attrs += " p" + std::to_string(i) + ":a='" + std::to_string(i) + "'";
  }
  root += " xmlns:rel='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>";
  Recorder r;
  REQUIRE(ParseXmlText(root + "<x:e" + attrs + " rel:id='rId7'/></x:sheet>", "doc", &r).ok());
  REQUIRE(r.events.size() == 4);
  CHECK(r.events[1].rfind("<e a=0 a=1 ", 0) == 0);  // prefixes dropped
  CHECK(r.events[1].size() > 20000 * 4);
  CHECK(r.events[1].find(" r:id=rId7") != std::string::npos);  // kept apart: in the relationships namespace
}

}  // namespace
}  // namespace icetrack
