#include "store/agreement_index.h"

#include <algorithm>

namespace icetrack {

namespace {

constexpr size_t kDigestDigits = 16;
constexpr char kHexDigits[] = "0123456789abcdef";

// Lower-case hex, as ContentDigest writes it: any other text is not a digest.
bool ParseDigest(std::string_view hex, uint64_t* out) {
  if (hex.size() != kDigestDigits) return false;
  uint64_t value = 0;
  for (char c : hex) {
    const char* digit = std::char_traits<char>::find(kHexDigits, 16, c);
    if (!digit) return false;
    value = value << 4 | static_cast<uint64_t>(digit - kHexDigits);
  }
  *out = value;
  return true;
}

}  // namespace

void StoredAgreement::SetDigest(std::string_view hex) { has_digest_ = ParseDigest(hex, &digest_); }

bool StoredAgreement::HasDigest(std::string_view hex) const {
  uint64_t value = 0;
  return has_digest_ && ParseDigest(hex, &value) && value == digest_;
}

std::vector<AgreementIndex::Entry>::iterator AgreementIndex::LowerBound(std::string_view key) {
  MergePending();
  return std::lower_bound(entries_.begin(), entries_.end(), key,
                          [this](const Entry& e, std::string_view k) { return KeyOf(e) < k; });
}

AgreementIndex::Entry AgreementIndex::Make(std::string_view key, const StoredAgreement& a) {
  Entry e{static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), a};
  keys_.append(key);
  return e;
}

StoredAgreement* AgreementIndex::Find(std::string_view key) {
  auto sorted_end = entries_.begin() + static_cast<std::ptrdiff_t>(sorted_);
  auto it = std::lower_bound(entries_.begin(), sorted_end, key,
                             [this](const Entry& e, std::string_view k) { return KeyOf(e) < k; });
  return it != sorted_end && KeyOf(*it) == key ? &it->agreement : nullptr;
}

bool AgreementIndex::Insert(std::string_view key, const StoredAgreement& a) {
  auto it = LowerBound(key);
  if (it != entries_.end() && KeyOf(*it) == key) return false;
  size_t at = static_cast<size_t>(it - entries_.begin());
  Entry e = Make(key, a);  // before the insert: `key` may lie in keys_, which Make may move
  entries_.insert(entries_.begin() + static_cast<std::ptrdiff_t>(at), e);
  sorted_ = entries_.size();
  return true;
}

bool AgreementIndex::Erase(std::string_view key, StoredAgreement* out) {
  auto it = LowerBound(key);
  if (it == entries_.end() || KeyOf(*it) != key) return false;
  *out = it->agreement;
  entries_.erase(it);
  sorted_ = entries_.size();
  erased_ += key.size();
  if (erased_ > keys_.size() / 2) Compact();
  return true;
}

// The text of erased keys, once it is most of keys_, is dropped: a writer
// that runs for years re-keys without its keys growing.
void AgreementIndex::Compact() {
  std::string keys;
  keys.reserve(keys_.size() - erased_);
  for (Entry& e : entries_) {
    std::string_view key = KeyOf(e);
    e.at = static_cast<uint32_t>(keys.size());
    keys.append(key);
  }
  keys_ = std::move(keys);
  erased_ = 0;
}

StoredAgreement* AgreementIndex::AddPending(std::string_view key, const StoredAgreement& a) {
  entries_.push_back(Make(key, a));
  return &entries_.back().agreement;
}

void AgreementIndex::MergePending() {
  if (sorted_ == entries_.size()) return;
  auto by_key = [this](const Entry& a, const Entry& b) { return KeyOf(a) < KeyOf(b); };
  // Its buffer is the shorter run: the few agreements a publication adds.
  std::inplace_merge(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(sorted_), entries_.end(), by_key);
  sorted_ = entries_.size();
}

}  // namespace icetrack
