// HttpHeaders: the header fields of one HTTP response, in arrival order.
//
// Promises: names are looked up ASCII case-insensitively; values are kept as
// sent, less surrounding whitespace. Holds one response only: the client
// clears it when a new status line arrives (redirects, 100 Continue), so what
// remains belongs to the final response. Never decodes or merges values.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace icetrack {

class HttpHeaders {
 public:
  using Field = std::pair<std::string, std::string>;

  void Add(std::string name, std::string value);
  // Takes one raw line as libcurl hands it ("Name: value\r\n"). Lines without
  // a colon (status lines, the blank end line) are ignored; returns whether
  // the line was a field.
  bool AddLine(std::string_view line);
  void Clear() { fields_.clear(); }

  // Value of the last field named `name`, or "" when there is none.
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  const std::vector<Field>& fields() const { return fields_; }

 private:
  std::vector<Field> fields_;
};

// ASCII case-insensitive equality, as header names and URL schemes compare.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace icetrack
