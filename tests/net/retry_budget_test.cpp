#include "net/retry_budget.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

using std::chrono::milliseconds;

TEST_CASE("a budget allows delays that fit in what remains") {
  RetryBudget budget(milliseconds(60000));
  CHECK(budget.Remaining() > milliseconds(59000));
  CHECK(budget.Allows(milliseconds(1000)));
  CHECK_FALSE(budget.Allows(milliseconds(61000)));
}

TEST_CASE("a spent budget allows no wait at all") {
  RetryBudget spent(milliseconds(0));
  CHECK(spent.Remaining() == milliseconds(0));
  CHECK_FALSE(spent.Allows(milliseconds(0)));
  CHECK_FALSE(spent.Allows(milliseconds(1)));
}

}  // namespace
}  // namespace icetrack
