#include "fetcher/html_serialize.h"

#include <doctest/doctest.h>
#include <pthread.h>

#include <cstdint>
#include <string>

#include "fetcher/html_document.h"

namespace icetrack {
namespace {

// The first element named `tag` in `html`.
const GumboNode* First(const HtmlDocument& document, GumboTag tag) {
  const GumboNode* found = nullptr;
  WalkTree(
      document.root(),
      [&](const GumboNode* n) {
        if (!found && IsElement(n, tag)) found = n;
        return !found;
      },
      nullptr);
  REQUIRE(found);
  return found;
}

// The first element named `tag` in `html`, serialized.
std::string Serialized(const std::string& html, GumboTag tag = GUMBO_TAG_TABLE, size_t max_bytes = SIZE_MAX) {
  HtmlDocument document(html);
  return SerializeHtml(First(document, tag), max_bytes);
}

// Serialized, then read and serialized again: the same markup (the tree read
// back is the tree written).
void CheckStable(const std::string& html, GumboTag tag = GUMBO_TAG_TABLE) {
  CAPTURE(html);
  std::string once = Serialized(html, tag);
  CHECK(Serialized(once, tag) == once);
}

TEST_CASE("a table is written as the parser built it") {
  CHECK(Serialized("<TABLE Border=1><TR><TD>a<td>b</TABLE>") ==
        "<table border=\"1\"><tbody><tr><td>a</td><td>b</td></tr></tbody></table>");
  // What HTML moves out in front of the table is not in it.
  CHECK(Serialized("<table><tr><td>a</td></tr>stray<h3>x</h3><tr><td>b</td></tr></table>") ==
        "<table><tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table>");
}

TEST_CASE("text and attribute values are escaped as HTML reads them") {
  CHECK(Serialized("<table><td title='a \"b\" &amp; c'>1 &lt; 2 &amp;amp; 3 &gt; 0\xc2\xa0</table>") ==
        "<table><tbody><tr><td title=\"a &quot;b&quot; &amp; c\">1 &lt; 2 &amp;amp; 3 &gt; 0\xc2\xa0</td></tr>"
        "</tbody></table>");
  // Raw text is written as the page had it; the text of a title or textarea is escaped.
  CHECK(Serialized("<table><td><xmp>a &amp; <b></xmp><textarea>&lt;/textarea&gt;</textarea></table>") ==
        "<table><tbody><tr><td><xmp>a &amp; <b></xmp><textarea>&lt;/textarea&gt;</textarea></td></tr></tbody>"
        "</table>");
}

TEST_CASE("void elements have no end tag, comments are kept") {
  CHECK(Serialized("<table><td>a<br>b<img src=x.png></br><!-- note --></table>") ==
        "<table><tbody><tr><td>a<br>b<img src=\"x.png\"><br><!-- note --></td></tr></tbody></table>");
  // Comments whose end the tokenizer had to guess, and a bogus one (ended by the first '>').
  for (const char* odd : {"<!--a--->", "<!--a--!-->", "<!--a--!>b-->", "<!--a<!--->", "<?x-->y>", "<!--->", "<!--a--"})
    CheckStable(std::string("<table><td>a") + odd + "</table>");
  CHECK(Serialized("<table><td>a<?x-->y></table>") == "<table><tbody><tr><td>a<!--?x---->y&gt;</td></tr></tbody></table>");
}

TEST_CASE("a newline HTML drops after <pre> is written twice") {
  CHECK(Serialized("<table><td><pre>\n\nx</pre></table>") ==
        "<table><tbody><tr><td><pre>\n\nx</pre></td></tr></tbody></table>");
  CheckStable("<table><td><pre>\n\nx</pre><textarea>\n\ny</textarea><listing>\n\nz</listing></table>");
}

TEST_CASE("nothing follows a plaintext element: it holds the rest of the page") {
  std::string once = Serialized("<table><td>a<plaintext>b</td></tr></table><p>c");
  CHECK(once == "<table><tbody><tr><td>a<plaintext>b</td></tr></table><p>c");
  CheckStable("<table><td>a<plaintext>b</td></tr></table><p>c");
}

TEST_CASE("SVG and MathML keep their names, namespaces and CDATA") {
  std::string once = Serialized("<table><td><svg viewBox='0 0 1 1'><clippath/><a xlink:href='#u'>"
                                "<![CDATA[x<y]]></a><foreignObject><p>z</p></foreignObject></svg></table>");
  CHECK(once == "<table><tbody><tr><td><svg viewBox=\"0 0 1 1\"><clipPath></clipPath><a xlink:href=\"#u\">"
                "<![CDATA[x<y]]></a><foreignObject><p>z</p></foreignObject></svg></td></tr></tbody></table>");
  CheckStable("<table><td><svg><style>a&lt;b</style></svg><math><mi>x</mi></math></table>");
}

TEST_CASE("names gumbo does not know are written as the page spelled them, in lower case") {
  CHECK(Serialized("<table><td><My-Widget Data-X=1>a</my-widget></table>") ==
        "<table><tbody><tr><td><my-widget data-x=\"1\">a</my-widget></td></tr></tbody></table>");
  // A fuzz finding (page_fuzz): gumbo's source of the tag "<t>" is "</><t>", with the "</>" the
  // tokenizer dropped; the name was read as "><t", and the cell read back with the text "a<>".
  CHECK(Serialized("<table><td>a</><t></table>") == "<table><tbody><tr><td>a<t></t></td></tr></tbody></table>");
  CHECK(Serialized("<table><td>a</></><x-y/z>b</table>") ==
        "<table><tbody><tr><td>a<x-y z=\"\">b</x-y></td></tr></tbody></table>");
}

TEST_CASE("misnested markup is written as its tree, and reads back to it") {
  CheckStable("<table><td><b><i>x</b>y</i></table>");
  CheckStable("<table><td><a href=1>x<div>y</a>z</div></table>");
  CheckStable("<table><td><template><tr><td>t</td></tr></template>u</table>");
  CheckStable("<table><td><select><option>a<option>b</select><noscript><b>n</b></noscript></table>");
  CheckStable("<table><caption>c<table><td>inner</table></caption><colgroup><col></colgroup>"
              "<tr><td>o</table>");
}

TEST_CASE("deep nesting is written whole, every element closed") {
  std::string html = "<table><td>";
  for (int i = 0; i < 3000; ++i) html += "<span>";
  std::string once = Serialized(html + "x</table>");
  CHECK(once.find("<span>x</span></span>") != std::string::npos);
  CHECK(once.size() == std::string("<table><tbody><tr><td>x</td></tr></tbody></table>").size() +
                           3000 * std::string("<span></span>").size());
}

TEST_CASE("deep nesting is written without recursion: a 3,000-deep table in a 256 KiB stack") {
  // A writer that recursed would need a frame of its own for each level:
  // far more than this stack holds (and a crash, not a failure, if not).
  std::string html = "<table><td>";
  for (int i = 0; i < 3000; ++i) html += "<span>";
  HtmlDocument document(html + "x</table>");  // gumbo's own walks stay on the main stack
  struct Job {
    const GumboNode* table;
    std::string out;
  } job{First(document, GUMBO_TAG_TABLE), ""};
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  REQUIRE(pthread_attr_setstacksize(&attributes, 256 * 1024) == 0);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    auto* j = static_cast<Job*>(arg);
    j->out = SerializeHtml(j->table, SIZE_MAX);
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, &attributes, run, &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
  CHECK(job.out.size() == std::string("<table><tbody><tr><td>x</td></tr></tbody></table>").size() +
                              3000 * std::string("<span></span>").size());
}

TEST_CASE("writing stops once the markup is longer than its limit") {
  std::string html = "<table><td>";
  for (int i = 0; i < 1000; ++i) html += "<p>&amp;&amp;&amp;</p>";
  size_t whole = Serialized(html + "</table>").size();
  REQUIRE(whole > 20000);
  std::string cut = Serialized(html + "</table>", GUMBO_TAG_TABLE, 5000);
  CHECK(cut.size() > 5000);
  CHECK(cut.size() < 5100);  // at most one node more
  CHECK(Serialized(html + "</table>", GUMBO_TAG_TABLE, whole).size() == whole);
}

TEST_CASE("void and raw-text elements as gumbo reads them, and inside SVG ordinary names") {
  // <menuitem> is void in gumbo 0.10.1; inside SVG an <area> or a <style> is an element like any other.
  CHECK(Serialized("<table><td><menuitem>a<svg><area><area>b</area></area><style>&amp;</style></svg></table>") ==
        "<table><tbody><tr><td><menuitem>a<svg><area><area>b</area></area><style>&amp;</style></svg></td></tr>"
        "</tbody></table>");
  CheckStable("<table><td><menuitem>a<svg><area><area>b</area></area><style>&amp;</style></svg></table>");
}

TEST_CASE("an attribute value escapes only what ends it or starts a reference") {
  CHECK(EscapeAttributeValue("a&b\"c'<d>") == "a&amp;b&quot;c'<d>");
}

}  // namespace
}  // namespace icetrack
