// JsonWriter: writes a JSON document straight into a string, laid out as
// nlohmann's dump(2) lays it out, without building a tree first. For large
// outputs (`parse --json` writes ~1 MB for 1,843 rows): the tree cost more than
// reading the workbook's cells. Bytes that are not valid UTF-8 become U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view name);  // inside an object, before each value
  void String(std::string_view value);
  void StringOrNull(std::string_view value);  // empty -> null
  void Number(int64_t value);
  void Null();

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void Newline();
  void Escaped(std::string_view text);
  void EscapeAscii(char c);  // a quote, a backslash or a control character

  std::string* out_;
  std::vector<int> counts_;  // values written so far, per open container
  bool after_key_ = false;
};

}  // namespace icetrack
