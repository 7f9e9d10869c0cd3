#include "alerts/base64.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("base64 as RFC 4648 writes it, padding included") {
  CHECK(Base64Encode("") == "");
  CHECK(Base64Encode("f") == "Zg==");
  CHECK(Base64Encode("fo") == "Zm8=");
  CHECK(Base64Encode("foo") == "Zm9v");
  CHECK(Base64Encode("foobar") == "Zm9vYmFy");
  std::string out;
  CHECK(Base64Decode("Zm9vYg==", &out));
  CHECK(out == "foob");
  CHECK(Base64Decode("", &out));
  CHECK(out.empty());
}

TEST_CASE("only canonical base64 is read") {
  std::string out = "untouched";
  CHECK_FALSE(Base64Decode("Zm9vYg", &out));      // no padding
  CHECK_FALSE(Base64Decode("Zm9v Yg==", &out));   // a blank
  CHECK_FALSE(Base64Decode("Zm9vYh==", &out));    // stray bits: another spelling of "foob"
  CHECK_FALSE(Base64Decode("Zm9v!g==", &out));
  CHECK(out == "untouched");
}

}  // namespace
}  // namespace icetrack
