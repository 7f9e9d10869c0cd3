// XmlStream: a streaming XML parser for one package part (XmlScanner for
// UTF-8, expat for other encodings).
//
// Promises: element and attribute names reach the handler as local names
// (prefixes dropped; attributes in the relationships namespace, whatever
// their prefix, arrive as "r:<name>" so that r:id stays distinct from id;
// namespace declarations are not passed on). DOCTYPE and
// entity declarations are refused (no external entities, no entity bombs).
// Errors name the archive, the part, and the line:column.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "model/status.h"
#include "parser/xml_attributes.h"
#include "parser/zip_archive.h"

namespace icetrack {

// The names attributes reach a handler under (see above), for the content a
// handler reads itself (XmlHandler::ReadContent): the prefixes declared so far
// resolved as OnStart would have them.
class XmlNames {
 public:
  virtual ~XmlNames() = default;
  // `qualified` as written ("x14ac:dyDescent", "r:id") -> as OnStart would
  // give it ("dyDescent", "r:id"); valid while the parse lasts. Not for
  // namespace declarations (xmlns, xmlns:*), which OnStart never sees.
  virtual std::string_view Attribute(std::string_view qualified) = 0;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `name` and `attrs` (local names, see above) are valid during the call only.
  virtual void OnStart(std::string_view name, XmlAttributes attrs) = 0;
  virtual void OnEnd(std::string_view name) = 0;
  virtual void OnText(std::string_view) {}
  // A handler may stop the parse early (e.g. after the header row); set by Stop().
  bool stop_requested = false;

  // A fast path for the bulk of a part (a sheet's rows). A handler that sets
  // `wants_content` in OnStart is offered that element's content where it
  // lies, before each token directly inside it: ReadContent returns how many
  // bytes it has read, whole elements and white space whose events it has
  // handled exactly as OnStart, OnEnd and OnText would have been called for
  // them (so only what the XML reader would read the same way, its checks
  // passed; `names` gives attributes their names); 0 leaves the next token
  // to the XML reader. Only the UTF-8 scanner offers content (under expat
  // every token is an event), and it clears the flag after each OnStart.
  virtual size_t ReadContent(std::string_view, XmlNames&) { return 0; }
  bool wants_content = false;
};

// Parses `part` of `zip` through `handler`. A handler that stops early is
// not an error. Messages start with the archive's label and the part.
Status ParseXmlPart(const ZipArchive& zip, const std::string& part, XmlHandler* handler);

// Parses an XML document held in memory; `where` names it in messages.
Status ParseXmlText(std::string_view text, const std::string& where, XmlHandler* handler);

}  // namespace icetrack
