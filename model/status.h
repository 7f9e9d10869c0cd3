// Status: the outcome of an operation that can fail, as a value.
//
// Every public function of a part that can fail returns a Status (or fills an
// output through a pointer and returns one). A failed Status carries one line
// that names the file, the part inside it and the position, so the user can
// act on it without a debugger, e.g.
//   "list.xlsx: xl/worksheets/sheet1.xml:1:2045: malformed XML: mismatched tag".
#pragma once

#include <string>
#include <utility>

namespace icetrack {

class Status {
 public:
  Status() = default;  // success
  static Status Ok() { return Status(); }
  // The message is kept to one line whatever it quotes (a value read from a
  // file may hold a newline): control characters are written as escapes.
  static Status Error(std::string message) { return Status(OneLine(std::move(message)), true); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status(std::string message, bool failed) : message_(std::move(message)), failed_(failed) {}
  static std::string OneLine(std::string text) {
    bool plain = true;
    for (char c : text) plain = plain && static_cast<unsigned char>(c) >= 0x20;
    if (plain) return text;
    std::string out;
    for (char c : text) {
      if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (static_cast<unsigned char>(c) < 0x20) out += '?';
      else out += c;
    }
    return out;
  }
  std::string message_;
  bool failed_ = false;
};

}  // namespace icetrack
