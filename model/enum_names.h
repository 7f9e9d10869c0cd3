// One table of names per enum: ToString and Parse of a typed name read the
// same table, so a name is written once (see EventKind, FetchOutcome).
#pragma once

#include <cstddef>
#include <string_view>

namespace icetrack {

template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;
};

template <typename Enum, size_t N>
const char* NameIn(const EnumName<Enum> (&table)[N], Enum value) {
  for (const EnumName<Enum>& e : table) {
    if (e.value == value) return e.name;
  }
  return "";
}

template <typename Enum, size_t N>
bool ValueIn(const EnumName<Enum> (&table)[N], std::string_view name, Enum* out) {
  for (const EnumName<Enum>& e : table) {
    if (name == e.name) {
      *out = e.value;
      return true;
    }
  }
  return false;
}

}  // namespace icetrack
