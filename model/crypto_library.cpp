#include "model/crypto_library.h"

#include <cstdio>
#include <cstdlib>

#include "model/shared_library.h"

namespace icetrack {

const CryptoLibrary* LoadCryptoLibrary(std::string* error) {
  static const LoadedTable<CryptoLibrary> loaded =
      LoadTable<CryptoLibrary>("libcrypto.so.3", [](SharedLibrary& so, CryptoLibrary* c) {
    return so.Bind("EVP_MD_fetch", &c->md_fetch) && so.Bind("EVP_sha256", &c->sha256) &&
           so.Bind("EVP_Digest", &c->digest) && so.Bind("HMAC", &c->hmac) &&
           so.Bind("EVP_EncodeBlock", &c->encode_block) && so.Bind("EVP_DecodeBlock", &c->decode_block);
  });
  if (!loaded.ok && error) *error = loaded.error + " (libcrypto comes with the libssl3 package)";
  return loaded.ok ? &loaded.functions : nullptr;
}

const CryptoLibrary& Crypto() {
  std::string error;
  const CryptoLibrary* crypto = LoadCryptoLibrary(&error);
  if (!crypto) {
    std::fprintf(stderr, "icetrack: %s\n", error.c_str());
    std::_Exit(1);
  }
  return *crypto;
}

}  // namespace icetrack
