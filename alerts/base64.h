// Base64 (RFC 4648, with padding), through libcrypto: webhook signatures and
// their whsec_ keys, and the encoded parts of an email.
#pragma once

#include <string>
#include <string_view>

namespace icetrack {

std::string Base64Encode(std::string_view bytes);
// False for anything that is not canonical padded base64 (*out untouched).
bool Base64Decode(std::string_view text, std::string* out);

}  // namespace icetrack
