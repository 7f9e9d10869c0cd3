#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>

#include "store/instance_lock.h"
#include "tests/support/temp_dir.h"

namespace icetrack {

TEST_CASE("one holder at a time — the one refused is told who holds it — released with its owner") {
  test::TempDir dir;
  std::string db = dir.File("state/icetrack.db");
  std::filesystem::create_directories(dir.File("state"));
  CHECK(LockPathFor(db) == std::filesystem::canonical(dir.path()).string() + "/state/icetrack.db.lock");
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

TEST_CASE("two names for one database are one lock: a symlink, another folder path") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("real"));
  test::WriteFile(dir.File("real/icetrack.db"), "");
  std::filesystem::create_symlink(dir.File("real/icetrack.db"), dir.File("alias.db"));
  std::filesystem::create_directory_symlink(dir.File("real"), dir.File("linked"));
  std::unique_ptr<InstanceLock> first, other;
  bool held = false;
  REQUIRE(InstanceLock::Acquire(dir.File("real/icetrack.db"), &first, &held).ok());
  for (const std::string& name : {dir.File("alias.db"), dir.File("linked/icetrack.db"),
                                  dir.File("real/../real/./icetrack.db")}) {
    CAPTURE(name);
    CHECK_FALSE(InstanceLock::Acquire(name, &other, &held).ok());
    CHECK(held);
  }
}

}  // namespace icetrack
