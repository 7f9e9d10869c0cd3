// Internal to store/: every agreement of one list as stored, by key, held
// compactly (a writer keeps one for every agreement between publications; as
// a std::map of strings it cost 170 bytes an agreement, more than the row's
// own text).
//
// Keys live in one buffer; entries are a vector in key order. Lookups are
// binary searches. Adding keys in bulk (AddPending, then MergePending) is one
// merge; Insert and Erase move the entries after the key, for the few
// re-keyings of a publication. Promises: the same answers as a std::map
// keyed by the key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/agreement_status.h"

namespace icetrack {

// An agreement of one list as stored: enough to record what the diff decided.
struct StoredAgreement {
  int64_t id = 0;
  int64_t version_id = 0;
  int misses = 0;
  AgreementStatus status = AgreementStatus::Present;

  // The digest of its current row version (row_codec.h, ContentDigest), or
  // none (a NULL column, or one of another shape: never equal to a digest).
  void SetDigest(std::string_view hex);
  bool HasDigest(std::string_view hex) const;

 private:
  uint64_t digest_ = 0;  // the 16 hex digits read as a number: 8 bytes, not 16
  bool has_digest_ = false;
};

class AgreementIndex {
 public:
  // The agreement under `key`, or nullptr; not one added since the last
  // MergePending. Pointers last until the next change.
  StoredAgreement* Find(std::string_view key);
  // Adds `a` under `key`, which no agreement holds: false when one does.
  bool Insert(std::string_view key, const StoredAgreement& a);
  // Removes the agreement under `key`, if any, and gives it back.
  bool Erase(std::string_view key, StoredAgreement* out);
  // Adds `a` under `key`, which none holds, after the keys added since the
  // last MergePending: keys must come in increasing order. It is seen once
  // MergePending has run; the pointer given back lasts until the next change.
  StoredAgreement* AddPending(std::string_view key, const StoredAgreement& a);
  void MergePending();

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint32_t at = 0, size = 0;  // the key, in keys_
    StoredAgreement agreement;
  };
  std::string_view KeyOf(const Entry& e) const { return std::string_view(keys_).substr(e.at, e.size); }
  std::vector<Entry>::iterator LowerBound(std::string_view key);
  Entry Make(std::string_view key, const StoredAgreement& a);
  void Compact();

  std::string keys_;            // every key, one after the other (an erased one stays until Compact)
  size_t erased_ = 0;           // bytes of keys_ no entry names
  std::vector<Entry> entries_;  // by key: up to sorted_, then those added pending, by key too
  size_t sorted_ = 0;
};

}  // namespace icetrack
