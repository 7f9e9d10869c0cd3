#include "net/http_headers.h"

namespace icetrack {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s) {
  const char* space = " \t\r\n";
  size_t begin = s.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(space);
  return s.substr(begin, end - begin + 1);
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

void HttpHeaders::Add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

bool HttpHeaders::AddLine(std::string_view line) {
  size_t colon = line.find(':');
  // "HTTP/1.1 200 OK" has no colon before the first space; a field name never has a space.
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view name = line.substr(0, colon);
  if (name.find_first_of(" \t") != std::string_view::npos) return false;
  Add(std::string(name), std::string(Trim(line.substr(colon + 1))));
  return true;
}

std::string HttpHeaders::Get(std::string_view name) const {
  for (auto it = fields_.rbegin(); it != fields_.rend(); ++it)
    if (EqualsIgnoreCase(it->first, name)) return it->second;
  return {};
}

bool HttpHeaders::Has(std::string_view name) const {
  for (const Field& field : fields_)
    if (EqualsIgnoreCase(field.first, name)) return true;
  return false;
}

}  // namespace icetrack
