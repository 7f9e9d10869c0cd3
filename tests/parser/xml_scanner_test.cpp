#include "parser/xml_scanner.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace icetrack {
namespace {

// Events as one line each: S name a=v..., E name, T text (joined between tags).
struct Recorder : XmlScanner::Sink {
  std::vector<std::string> events;
  void Start(std::string_view name, XmlAttributes attrs) override {
    std::string e = "S " + std::string(name);
    for (const XmlAttribute& a : attrs) e += " " + std::string(a.name) + "=" + std::string(a.value);
    events.push_back(e);
  }
  void End(std::string_view name) override { events.push_back("E " + std::string(name)); }
  void Text(std::string_view text) override {
    if (!events.empty() && events.back().rfind("T ", 0) == 0) events.back().append(text);
    else events.push_back("T " + std::string(text));
  }
  bool Stopped() const override { return false; }
};

// A sink that reads the <i/> elements directly inside <list> itself, each
// as the events the scanner would give.
struct ContentReader : Recorder {
  bool ReadsContent() override { return events.back() == "S list"; }
  size_t Content(std::string_view rest) override {
    size_t read = 0;
    for (; rest.substr(read).starts_with("<i/>"); read += 4) {
      Start("i", {});
      End("i");
    }
    return read;
  }
};

// Scans `xml` in chunks of `chunk` bytes (0: whole); the error, or "".
template <typename Sink = Recorder>
std::string Scan(const std::string& xml, std::vector<std::string>* events, size_t chunk = 0) {
  Sink r;
  XmlScanner scanner(&r);
  if (chunk == 0) chunk = xml.size() + 1;
  for (size_t at = 0; at < xml.size() && !scanner.failed(); at += chunk) scanner.Feed(xml.substr(at, chunk), false);
  scanner.Feed({}, true);
  if (events) *events = r.events;
  Status s = scanner.Error("p.xml");
  return s.ok() ? "" : s.message();
}

const std::string kDocument =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    "<!-- written by hand -->\r\n<x:sst xmlns:x=\"urn:x\" count='2'><?pi data?>"
    "<x:si a=\"tab\there&#9;kept\r\nline\"><x:t xml:space=\"preserve\"> A &amp; B &lt;&gt; &quot;&apos; &#233;&#x2019;\r\nC\rD</x:t></x:si>"
    "<x:si><x:t><![CDATA[<raw> & ]]]]></x:t><empty/></x:si></x:sst>\n";

TEST_CASE("the XML Excel writes is read as expat reads it") {
  std::vector<std::string> events;
  REQUIRE(Scan(kDocument, &events) == "");
  std::vector<std::string> want = {
      "S x:sst xmlns:x=urn:x count=2",
      "S x:si a=tab here\tkept line",  // white space normalized, the reference kept as written
      "S x:t xml:space=preserve",
      "T  A & B <> \"' \xC3\xA9\xE2\x80\x99\nC\nD",  // line ends normalized
      "E x:t",
      "E x:si",
      "S x:si",
      "S x:t",
      "T <raw> & ]]",
      "E x:t",
      "S empty",
      "E empty",
      "E x:si",
      "E x:sst",
  };
  CHECK(events == want);
}

TEST_CASE("any chunking gives the same events: every token may be cut") {
  std::vector<std::string> whole, cut;
  REQUIRE(Scan(kDocument, &whole) == "");
  for (size_t chunk : {1, 2, 3, 5, 7, 13, 64}) {
    CAPTURE(chunk);
    CHECK(Scan(kDocument, &cut, chunk) == "");
    CHECK(cut == whole);
  }
}

TEST_CASE("what is not well-formed is refused with its line and column") {
  auto error = [](const std::string& xml) { return Scan(xml, nullptr); };
  CHECK(error("<a>\n  <b></c>\n</a>") == "p.xml:2:8: malformed XML: mismatched tag");
  CHECK(error("<a>&nbsp;</a>") == "p.xml:1:4: malformed XML: undefined entity");
  CHECK(error("<a>&#0;</a>") == "p.xml:1:4: malformed XML: reference to invalid character number");
  CHECK(error("<a>&#xD800;</a>").find("invalid character number") != std::string::npos);
  CHECK(error("<a>\x01</a>") == "p.xml:1:4: malformed XML: not well-formed (invalid token)");
  CHECK(error("<a>\xC3</a>") == "p.xml:1:4: malformed XML: not well-formed (invalid token)");
  CHECK(error("<a>\xEF\xBF\xBE</a>").find("invalid token") != std::string::npos);  // U+FFFE
  CHECK(error("<a b=\"1\" b=\"2\"/>").find("duplicate attribute") != std::string::npos);
  CHECK(error("<a b=\"1\"c=\"2\"/>").find("invalid token") != std::string::npos);
  CHECK(error("<a b=\"<\"/>").find("invalid token") != std::string::npos);
  CHECK(error("<a b=1/>").find("invalid token") != std::string::npos);
  CHECK(error("<a/>x") == "p.xml:1:5: malformed XML: junk after document element");
  CHECK(error("<a/><b/>") == "p.xml:1:5: malformed XML: junk after document element");
  CHECK(error("x<a/>") == "p.xml:1:1: malformed XML: syntax error");
  CHECK(error("<a><b>") == "p.xml:1:7: malformed XML: unclosed token");
  CHECK(error("<a") == "p.xml:1:1: malformed XML: unclosed token");
  CHECK(error("") == "p.xml:1:1: malformed XML: no element found");
  CHECK(error(" <?xml version=\"1.0\"?><a/>").find("declaration not at start") != std::string::npos);
  CHECK(error("<a><!-- a -- b --></a>").find("invalid token") != std::string::npos);
  CHECK(error("<![CDATA[x]]><a/>").find("syntax error") != std::string::npos);
  CHECK(error("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>") ==
        "p.xml:2:1: DOCTYPE declarations are not allowed");
}

TEST_CASE("a hostile run of ampersands or an endless comment costs one pass, then an error") {
  CHECK(Scan("<a>" + std::string(1 << 20, '&') + "</a>", nullptr, 4096).find("invalid token") != std::string::npos);
  CHECK(Scan("<a><!--" + std::string(1 << 20, 'x'), nullptr, 4096).find("unclosed token") != std::string::npos);
  CHECK(Scan("<a b=\"" + std::string(1 << 20, 'x'), nullptr, 4096).find("unclosed token") != std::string::npos);
}

TEST_CASE("found by review: comments and instructions hold any character, references any number of zeros") {
  std::vector<std::string> events;
  CHECK(Scan("<?pi a&b?><a><!-- Tom & Jerry &nbsp; --><![CDATA[x\r\ny]]>&#0000000065;</a>", &events) == "");
  CHECK(events == std::vector<std::string>{"S a", "T x\nyA", "E a"});
}

TEST_CASE("found by review: what expat refuses, the scanner refuses too") {
  CHECK(Scan("<a\x01/>", nullptr).find("invalid token") != std::string::npos);
  CHECK(Scan("<a b\x7F=\"1\"/>", nullptr).find("invalid token") != std::string::npos);
  CHECK(Scan("<\xFF/>", nullptr).find("invalid token") != std::string::npos);
  CHECK(Scan("<a><!-- x ---></a>", nullptr).find("invalid token") != std::string::npos);
  CHECK(Scan("<a>]]></a>", nullptr).find("invalid token") != std::string::npos);
  CHECK(Scan("<a><!-- \x01 --></a>", nullptr).find("invalid token") != std::string::npos);
}

TEST_CASE("found by review: many attributes are checked for duplicates in n log n, without a cap") {
  std::string tag = "<a";
  for (int i = 0; i < 5000; ++i) tag += " a" + std::to_string(i) + "=\"1\"";
  std::vector<std::string> events;
  CHECK(Scan(tag + "/>", &events) == "");
  CHECK(events.size() == 2);
  CHECK(Scan(tag + " a4321=\"2\"/>", nullptr).find("duplicate attribute") != std::string::npos);
}

TEST_CASE("a token over 64 MiB is refused, not buffered") {
  std::string big = "<a><!--" + std::string((size_t{64} << 20) + 16, 'x');
  CHECK(Scan(big, nullptr, 1 << 20).find("a token over 64 MiB") != std::string::npos);
}

TEST_CASE("documents in other encodings are left to expat") {
  CHECK(XmlScanner::ReadsDocument("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>"));
  CHECK(XmlScanner::ReadsDocument("<?xml version='1.0' encoding='utf-8'?><a/>"));
  CHECK(XmlScanner::ReadsDocument("<a/>"));
  CHECK(XmlScanner::ReadsDocument("\xEF\xBB\xBF<a/>"));
  CHECK_FALSE(XmlScanner::ReadsDocument("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"));
  CHECK_FALSE(XmlScanner::ReadsDocument("\xFF\xFE<\0a\0/\0>\0"));
  CHECK_FALSE(XmlScanner::ReadsDocument(std::string("<\0a\0", 4)));
}

// Attribute values are tested eight bytes at a time for what needs decoding:
// each such byte, at every place in and after a word, is found.
TEST_CASE("a reference, a line end, a tab, a non-ASCII byte or a '<' is found anywhere in a value") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"&amp;", "&"}, {"\t", " "}, {"\n", " "}, {"\xC3\xA9", "\xC3\xA9"}, {">", ">"}};
  for (size_t at = 0; at <= 19; ++at) {
    for (const auto& special : cases) {
      const std::string& written = special.first;  // (no structured binding: clang 14 cannot CAPTURE one)
      std::string value = "abcdefghijklmnopqrs";
      std::string expected = value;
      value.insert(at, written);
      expected.insert(at, special.second);
      std::vector<std::string> events;
      CAPTURE(at);
      CAPTURE(written);
      REQUIRE(Scan("<a v=\"" + value + "\"/>", &events) == "");
      CHECK(events.front() == "S a v=" + expected);
    }
    std::string bad = "abcdefghijklmnopqrs";
    bad.insert(at, "<");
    CHECK(Scan("<a v=\"" + bad + "\"/>", nullptr) != "");
    bad = "abcdefghijklmnopqrs";
    bad.insert(at, "\x01");
    CHECK(Scan("<a v=\"" + bad + "\"/>", nullptr) != "");
  }
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("found by fuzzing: an empty document in empty chunks is an error, counted without touching a null buffer") {
  Recorder r;
  XmlScanner scanner(&r);
  CHECK(scanner.Feed({}, false));  // (UBSan: memchr on the null data of an empty view)
  CHECK_FALSE(scanner.Feed({}, true));
  CHECK(scanner.Error("p.xml").message() == "p.xml:1:1: malformed XML: no element found");
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("several decoded values in one tag each keep their own text") {
  std::vector<std::string> events;
  REQUIRE(Scan("<a x='1&amp;2' y='plain' z='&lt;3&gt;' w='t\tab'/>", &events) == "");
  REQUIRE(!events.empty());
  CHECK(events[0] == "S a x=1&2 y=plain z=<3> w=t ab");
}

TEST_CASE("content a sink reads itself gives the events and errors the scanner would, in chunks of any size") {
  const std::string kDocuments[] = {
      "<list><i/><i/>text<i/><!-- c --><i/><i a='1'/><i/>\n<i/><j><i/></j><i/></list>",
      "<list><i/><i/>\n<i/><i/><bad</list>",
      "<list><i/><i/>\n<i/></lisp>",
      "<list><i/><i/><i/><i/><i/><i/><i/><i/><i/></list><i/>",
  };
  for (const std::string& xml : kDocuments) {
    for (size_t chunk = 0; chunk <= 24; ++chunk) {
      CAPTURE(xml);
      CAPTURE(chunk);
      std::vector<std::string> want, got;
      std::string error = Scan(xml, &want, chunk);
      CHECK(Scan<ContentReader>(xml, &got, chunk) == error);
      CHECK(got == want);
    }
  }
}

}  // namespace
}  // namespace icetrack
