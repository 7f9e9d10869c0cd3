#include "store/event_uid.h"

#include "store/store.h"  // Sha256Hex

namespace icetrack {

std::string EventUid(const std::string& list, const std::string& kind, const std::string& key,
                     const std::string& publication_sha256, int ordinal) {
  const char sep = '\x1f';
  std::string identity = list + sep + kind + sep + key + sep + publication_sha256 + sep + std::to_string(ordinal);
  return Sha256Hex(identity).substr(0, 32);
}

std::string EventUids::Next(const std::string& list, const std::string& kind, const std::string& key,
                            const std::string& publication_sha256) {
  int& n = seen_[{list, kind, key, publication_sha256}];
  return EventUid(list, kind, key, publication_sha256, n++);
}

}  // namespace icetrack
