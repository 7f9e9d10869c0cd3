#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace icetrack {

TEST_CASE("the layout is nlohmann's dump(2), byte for byte") {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("name"), w.String("Polk County Sheriff\xE2\x80\x99s Office");
  w.Key("n"), w.Number(-42);
  w.Key("none"), w.Null();
  w.Key("empty_list");
  w.BeginArray();
  w.EndArray();
  w.Key("empty_object");
  w.BeginObject();
  w.EndObject();
  w.Key("list");
  w.BeginArray();
  w.String("a");
  w.BeginObject();
  w.Key("k"), w.StringOrNull("");
  w.EndObject();
  w.EndArray();
  w.EndObject();
  nlohmann::ordered_json j = {{"name", "Polk County Sheriff\xE2\x80\x99s Office"}, {"n", -42}, {"none", nullptr},
                              {"empty_list", nlohmann::ordered_json::array()},
                              {"empty_object", nlohmann::ordered_json::object()},
                              {"list", {"a", {{"k", nullptr}}}}};
  CHECK(out == j.dump(2));
}

TEST_CASE("strings are escaped — bytes that are not UTF-8 become U+FFFD") {
  std::string out;
  JsonWriter w(&out);
  w.String("q\" b\\ n\n t\t c\x01 bad\xff end");
  CHECK(out == "\"q\\\" b\\\\ n\\n t\\t c\\u0001 bad\xEF\xBF\xBD end\"");
  CHECK(nlohmann::json::parse(out).get<std::string>() == "q\" b\\ n\n t\t c\x01 bad\xEF\xBF\xBD end");
}

// Plain runs are found eight bytes at a time: every byte, at every place in
// and after a word, is written as nlohmann writes it (invalid UTF-8 replaced).
TEST_CASE("each byte is escaped as nlohmann escapes it, wherever it falls in a word") {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 19; ++at) {
      std::string text = "abcdefghijklmnopqrs";
      text[at] = static_cast<char>(byte);
      std::string out;
      JsonWriter w(&out);
      w.String(text);
      std::string expected = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      CAPTURE(byte);
      CAPTURE(at);
      CHECK(out == expected);
    }
  }
}

}  // namespace icetrack
