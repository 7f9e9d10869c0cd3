// CryptoLibrary: the libcrypto (OpenSSL 3) functions icetrack uses, opened
// with dlopen on first use (model/shared_library.h says why: libcrypto was
// the costliest library of every process's start, and `parse` never needs it).
// store/ hashes with it (SHA-256 of contents and event uids), alerts/ signs
// and encodes with it (HMAC-SHA256, base64).
//
// Promises: loaded once per process, thread-safely; functions keep OpenSSL's
// own types and meanings. Fails: LoadCryptoLibrary gives nullptr and why.
// Crypto() is for code that runs once app/ has loaded it (every command but
// `parse` does, first, and refuses to start without it); called where it
// cannot be loaded, it ends the process with one `icetrack:` line and exit 1.
#pragma once

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <string>

namespace icetrack {

struct CryptoLibrary {
  decltype(&EVP_MD_fetch) md_fetch;
  decltype(&EVP_sha256) sha256;
  decltype(&EVP_Digest) digest;
  decltype(&HMAC) hmac;
  decltype(&EVP_EncodeBlock) encode_block;
  decltype(&EVP_DecodeBlock) decode_block;
};

// libcrypto, or nullptr when libcrypto.so.3 cannot be loaded (`*error`, if
// not null, then says why in one line).
const CryptoLibrary* LoadCryptoLibrary(std::string* error = nullptr);

// libcrypto, which must be loadable (see above).
const CryptoLibrary& Crypto();

}  // namespace icetrack
