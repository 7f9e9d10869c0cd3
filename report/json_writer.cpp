#include "report/json_writer.h"

#include <cstdio>
#include <cstring>

#include "model/ascii_text.h"
#include "model/text_fold.h"

namespace icetrack {

namespace {

// Bytes a JSON string holds as they are: printable ASCII but '"' and '\\'.
struct PlainBytes {
  bool of[256] = {};
  constexpr PlainBytes() {
    for (int c = 0x20; c < 0x80; ++c) of[c] = c != '"' && c != '\\';
  }
};
constexpr PlainBytes kPlain;

// Where the run of plain bytes from `i` ends: whole words of plain bytes
// skipped, then byte by byte.
size_t PlainRunEnd(std::string_view text, size_t i) {
  i = SkipPlainAsciiWords(text, i, "\"\\");
  while (i < text.size() && kPlain.of[static_cast<unsigned char>(text[i])]) ++i;
  return i;
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

// A key is nearly always one of the writer's own plain names: written with
// the comma, line end and indentation before it in one append (six appends
// a key cost more than the rest of a row's JSON).
void JsonWriter::Key(std::string_view name) {
  char line[128];
  size_t indent = 2 * counts_.size();
  size_t n = 0;
  if (after_key_ || counts_.empty() || indent + name.size() + 6 > sizeof line || PlainRunEnd(name, 0) != name.size()) {
    BeforeValue();
    Escaped(name);
    *out_ += ": ";
    after_key_ = true;
    return;
  }
  if (counts_.back()++ > 0) line[n++] = ',';
  line[n++] = '\n';
  std::memset(line + n, ' ', indent);
  n += indent;
  line[n++] = '"';
  std::memcpy(line + n, name.data(), name.size());
  n += name.size();
  std::memcpy(line + n, "\": ", 3);
  out_->append(line, n + 3);
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


// Plain runs (nearly all of ICE's text) are copied whole; bytes that are not
// UTF-8 become U+FFFD, so the document is always valid.
void JsonWriter::Escaped(std::string_view text) {
  *out_ += '"';
  for (size_t i = 0; i < text.size();) {
    size_t run = PlainRunEnd(text, i);
    out_->append(text.substr(i, run - i));
    if ((i = run) == text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(text.substr(i));
      if (len == 0) *out_ += "\xEF\xBF\xBD";
      else out_->append(text.substr(i, len));
      i += len ? len : 1;
    } else {
      EscapeAscii(static_cast<char>(c));
      ++i;
    }
  }
  *out_ += '"';
}

void JsonWriter::EscapeAscii(char c) {
  switch (c) {
    case '"': *out_ += "\\\""; break;
    case '\\': *out_ += "\\\\"; break;
    case '\n': *out_ += "\\n"; break;
    case '\r': *out_ += "\\r"; break;
    case '\t': *out_ += "\\t"; break;
    case '\b': *out_ += "\\b"; break;
    case '\f': *out_ += "\\f"; break;
    default: {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
      *out_ += buf;
    }
  }
}

}  // namespace icetrack
