#include "app/json_writer.h"

#include <cstdio>

namespace icetrack {

namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
size_t Utf8Length(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) >> 6) != 2) return 0;
  }
  return len;
}

}  // namespace

void JsonWriter::Newline() {
  *out_ += '\n';
  out_->append(2 * counts_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) *out_ += ',';
  Newline();
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  *out_ += bracket;
  counts_.push_back(0);
}

void JsonWriter::Close(char bracket) {
  int count = counts_.back();
  counts_.pop_back();
  if (count > 0) Newline();
  *out_ += bracket;
}

void JsonWriter::Key(std::string_view name) {
  BeforeValue();
  Escaped(name);
  *out_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  Escaped(value);
}

void JsonWriter::StringOrNull(std::string_view value) {
  if (value.empty()) Null();
  else String(value);
}

void JsonWriter::Number(int64_t value) {
  BeforeValue();
  *out_ += std::to_string(value);
}

void JsonWriter::Null() {
  BeforeValue();
  *out_ += "null";
}

void JsonWriter::Escaped(std::string_view text) {
  *out_ += '"';
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    size_t len = Utf8Length(text, i);
    if (len == 0) {
      *out_ += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (len > 1) {
      out_->append(text.substr(i, len));
      i += len;
      continue;
    }
    switch (c) {
      case '"': *out_ += "\\\""; break;
      case '\\': *out_ += "\\\\"; break;
      case '\n': *out_ += "\\n"; break;
      case '\r': *out_ += "\\r"; break;
      case '\t': *out_ += "\\t"; break;
      case '\b': *out_ += "\\b"; break;
      case '\f': *out_ += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          *out_ += buf;
        } else {
          *out_ += c;
        }
    }
    ++i;
  }
  *out_ += '"';
}

}  // namespace icetrack
