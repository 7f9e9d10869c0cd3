#include "alerts/base64.h"

#include "model/crypto_library.h"

namespace icetrack {

std::string Base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = Crypto().encode_block(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

bool Base64Decode(std::string_view text, std::string* out) {
  if (text.size() % 4 != 0) return false;
  std::string bytes(text.size() / 4 * 3 + 1, '\0');
  // EVP_DecodeBlock skips leading and trailing blanks and counts padding as zero bytes.
  int n = Crypto().decode_block(reinterpret_cast<unsigned char*>(bytes.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0 || text.find_first_of(" \t\r\n") != std::string_view::npos) return false;
  size_t padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : (!text.empty() && text.back() == '=' ? 1 : 0);
  bytes.resize(static_cast<size_t>(n) - padding);
  if (Base64Encode(bytes) != text) return false;  // canonical only: one key, one spelling
  *out = std::move(bytes);
  return true;
}

}  // namespace icetrack
