#include "fetcher/html_elements.h"

#include <algorithm>
#include <initializer_list>

namespace icetrack {
namespace {

bool IsAnyOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool IsVoidElement(std::string_view name) {
  return IsAnyOf(name, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
                        "keygen", "link", "menuitem", "meta", "param", "source", "track", "wbr"});
}

bool IsRawTextElement(std::string_view name) {
  return IsAnyOf(name, {"script", "style", "xmp", "iframe", "noembed", "noframes"});
}

bool IsEscapableTextElement(std::string_view name) { return IsAnyOf(name, {"textarea", "title"}); }

}  // namespace icetrack
