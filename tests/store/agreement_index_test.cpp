#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "store/agreement_index.h"

namespace icetrack {

namespace {

StoredAgreement WithId(int64_t id) {
  StoredAgreement a;
  a.id = id;
  return a;
}

// Every key the index answers for, checked against `expected`, and keys it must not know.
void Agrees(AgreementIndex* index, const std::map<std::string, int64_t>& expected) {
  CHECK(index->size() == expected.size());
  for (const auto& entry : expected) {  // not a structured binding: clang 14 cannot capture one in REQUIRE_MESSAGE
    const StoredAgreement* a = index->Find(entry.first);
    REQUIRE_MESSAGE(a != nullptr, entry.first);
    CHECK(a->id == entry.second);
  }
  CHECK(index->Find("not a key") == nullptr);
}

}  // namespace

TEST_CASE("an agreement digest is kept only when it has the digest's shape") {
  StoredAgreement a;
  CHECK_FALSE(a.HasDigest(""));
  a.SetDigest("0123456789abcdef");
  CHECK(a.HasDigest("0123456789abcdef"));
  CHECK_FALSE(a.HasDigest("0123456789abcdee"));
  a.SetDigest("");  // a NULL column: no digest equals it
  CHECK_FALSE(a.HasDigest(""));
  a.SetDigest("0123456789abcdef0");  // another shape
  CHECK_FALSE(a.HasDigest("0123456789abcdef0"));
  a.SetDigest("0123456789ABCDEF");  // not as ContentDigest writes it
  CHECK_FALSE(a.HasDigest("0123456789ABCDEF"));
  CHECK_FALSE(a.HasDigest("0123456789abcdef"));
  a.SetDigest("ffffffffffffffff");
  CHECK(a.HasDigest("ffffffffffffffff"));
  CHECK_FALSE(a.HasDigest("fffffffffffffffe"));
  a.SetDigest("0000000000000000");
  CHECK(a.HasDigest("0000000000000000"));
}

TEST_CASE("the agreement index answers as a map by key, through adds, moves and compaction") {
  std::mt19937 random(287);
  AgreementIndex index;
  std::map<std::string, int64_t> expected;
  int64_t next_id = 1;
  auto some_key = [&] { return "FL|agency " + std::to_string(random() % 400) + "|JEM"; };
  for (int round = 0; round < 60; ++round) {
    // A publication's new agreements, pending until merged, in key order.
    std::map<std::string, int64_t> fresh;
    for (int i = 0; i < 20; ++i) {
      std::string key = some_key();
      if (!expected.count(key)) fresh.emplace(key, next_id++);
    }
    for (const auto& [key, id] : fresh) {
      index.AddPending(key, WithId(id));
      CHECK(index.Find(key) == nullptr);  // not before the merge
    }
    index.MergePending();
    expected.insert(fresh.begin(), fresh.end());
    Agrees(&index, expected);
    // Re-keyings: an agreement taken out and put back under another key.
    for (int i = 0; i < 5; ++i) {
      std::string from = some_key(), to = some_key() + "#" + std::to_string(round);
      StoredAgreement taken;
      bool held = expected.count(from) > 0;
      CHECK(index.Erase(from, &taken) == held);
      if (!held) continue;
      CHECK(taken.id == expected[from]);
      expected.erase(from);
      bool free = !expected.count(to);
      CHECK(index.Insert(to, taken) == free);
      if (free) expected[to] = taken.id;
    }
    Agrees(&index, expected);
    if (round % 15 != 14) continue;
    // Now and then most agreements go at once: the text of their keys is dropped.
    bool drop = false;
    for (auto it = expected.begin(); it != expected.end();) {
      StoredAgreement taken;
      if (!(drop = !drop)) {
        ++it;
        continue;
      }
      CHECK(index.Erase(it->first, &taken));
      it = expected.erase(it);
    }
    Agrees(&index, expected);
  }
  CHECK(expected.size() > 100);  // the rounds did add, move and drop
}

TEST_CASE("a key inserted twice is refused, and a pointer found is the agreement itself") {
  AgreementIndex index;
  CHECK(index.Insert("b", WithId(2)));
  CHECK_FALSE(index.Insert("b", WithId(3)));
  index.AddPending("a", WithId(1));
  index.AddPending("c", WithId(4));
  index.MergePending();
  StoredAgreement* b = index.Find("b");
  REQUIRE(b != nullptr);
  b->misses = 2;
  CHECK(index.Find("b")->misses == 2);
  CHECK(index.Find("a")->id == 1);
  CHECK(index.Find("c")->id == 4);
  StoredAgreement gone;
  CHECK_FALSE(index.Erase("d", &gone));
}

}  // namespace icetrack
