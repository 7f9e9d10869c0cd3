#include <doctest/doctest.h>

#include <zlib.h>

#include "model/crypto_library.h"
#include "model/shared_library.h"

namespace icetrack {

TEST_CASE("a library is opened and its functions found by name, or the error names what is missing") {
  SharedLibrary z;
  REQUIRE(z.Open("libz.so.1"));
  decltype(&::zlibVersion) version = nullptr;
  REQUIRE(z.Bind("zlibVersion", &version));
  CHECK(std::string(version()) == zlibVersion());
  decltype(&::zlibVersion) none = &::zlibVersion;
  CHECK_FALSE(z.Bind("no_such_function", &none));
  CHECK(!none);  // never a stale pointer handed on
  CHECK(z.error() == "libz.so.1 has no no_such_function");
  CHECK(z.Bind("zlibVersion", &version));
  CHECK(z.error() == "libz.so.1 has no no_such_function");  // the first missing one is kept

  SharedLibrary missing;
  CHECK_FALSE(missing.Open("libicetrack-none.so.9"));
  CHECK(missing.error().rfind("cannot load libicetrack-none.so.9: ", 0) == 0);
  CHECK_FALSE(missing.Bind("anything", &version));
  CHECK(!version);
}

TEST_CASE("libcrypto is opened once and hashes as OpenSSL does") {
  std::string error;
  const CryptoLibrary* crypto = LoadCryptoLibrary(&error);
  REQUIRE_MESSAGE(crypto, error);
  CHECK(LoadCryptoLibrary() == crypto);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  REQUIRE(Crypto().digest("abc", 3, digest, &length, Crypto().sha256(), nullptr) == 1);
  REQUIRE(length == 32);
  CHECK(digest[0] == 0xba);  // SHA-256("abc") = ba7816bf…
  CHECK(digest[31] == 0xad);
}

}  // namespace icetrack
