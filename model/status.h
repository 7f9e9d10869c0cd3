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
  static Status Error(std::string message) { return Status(std::move(message), true); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status(std::string message, bool failed) : message_(std::move(message)), failed_(failed) {}
  std::string message_;
  bool failed_ = false;
};

}  // namespace icetrack
