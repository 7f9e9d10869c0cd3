// JSON as text for people and scripts: two-space indentation, and any byte
// that is not valid UTF-8 replaced (U+FFFD) instead of throwing mid-output.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace icetrack {

template <typename Json>
std::string PrettyJson(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace icetrack
