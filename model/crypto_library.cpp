#include "model/crypto_library.h"

#include <cstdio>
#include <cstdlib>

#include "model/shared_library.h"

namespace icetrack {

namespace {

struct Loaded {
  CryptoLibrary library{};
  bool ok = false;
  std::string error;
};

Loaded Load() {
  Loaded l;
  SharedLibrary so;
  CryptoLibrary& c = l.library;
  l.ok = so.Open("libcrypto.so.3") && so.Bind("EVP_MD_fetch", &c.md_fetch) && so.Bind("EVP_sha256", &c.sha256) &&
         so.Bind("EVP_Digest", &c.digest) && so.Bind("HMAC", &c.hmac) &&
         so.Bind("EVP_EncodeBlock", &c.encode_block) && so.Bind("EVP_DecodeBlock", &c.decode_block);
  if (!l.ok) l.error = so.error() + " (libcrypto comes with the libssl3 package)";
  return l;
}

}  // namespace

const CryptoLibrary* LoadCryptoLibrary(std::string* error) {
  static const Loaded loaded = Load();  // once, even under concurrent first calls
  if (!loaded.ok && error) *error = loaded.error;
  return loaded.ok ? &loaded.library : nullptr;
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
