#include <doctest/doctest.h>

#include <unistd.h>

#include <memory>

#include "store/instance_lock.h"
#include "tests/support/temp_dir.h"

namespace icetrack {

TEST_CASE("one holder at a time — the one refused is told who holds it — released with its owner") {
  test::TempDir dir;
  std::string db = dir.File("state/icetrack.db");
  CHECK(LockPathFor(db) == db + ".lock");
  std::unique_ptr<InstanceLock> first, second;
  bool held = false;
  REQUIRE(InstanceLock::Acquire(db, &first, &held).ok());
  CHECK_FALSE(held);
  Status refused = InstanceLock::Acquire(db, &second, &held);
  REQUIRE_FALSE(refused.ok());
  CHECK(held);
  CHECK(second == nullptr);
  CHECK(refused.message().find("held by pid " + std::to_string(getpid())) != std::string::npos);
  first.reset();
  CHECK(InstanceLock::Acquire(db, &second, &held).ok());
}

}  // namespace icetrack
