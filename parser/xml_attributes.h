// Internal to parser/: the attributes of one start tag, as the XML readers
// hand them over — views into the document (or into the reader's scratch
// for a value it had to decode), valid only during the call that gives them.
// No copy and no terminating NUL per attribute: a sheet has three to five on
// each of its tens of thousands of cells.
#pragma once

#include <cstddef>
#include <string_view>

namespace icetrack {

struct XmlAttribute {
  std::string_view name;
  std::string_view value;  // decoded: entities, references and white space as XML says
};

class XmlAttributes {
 public:
  XmlAttributes() = default;
  XmlAttributes(const XmlAttribute* data, size_t size) : data_(data), size_(size) {}

  const XmlAttribute* begin() const { return data_; }
  const XmlAttribute* end() const { return data_ + size_; }
  size_t size() const { return size_; }

  // The value of attribute `name`, or nullptr when the tag has none (an
  // attribute written empty is an empty value, not nullptr).
  const std::string_view* Find(std::string_view name) const {
    for (const XmlAttribute& a : *this) {
      if (a.name == name) return &a.value;
    }
    return nullptr;
  }

 private:
  const XmlAttribute* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace icetrack
