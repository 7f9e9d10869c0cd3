#include "model/status.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("an error is one line whatever it quotes") {
  CHECK(Status::Error("a.toml:2:8: saw 'n\n'").message() == "a.toml:2:8: saw 'n\\n'");
  CHECK(Status::Error("x\r\ty\x01z").message() == "x\\r\\ty?z");
  CHECK(Status::Error("caf\xC3\xA9: plain").message() == "caf\xC3\xA9: plain");
  CHECK(Status::Ok().ok());
  CHECK_FALSE(Status::Error("").ok());
}

}  // namespace
}  // namespace icetrack
