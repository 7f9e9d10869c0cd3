// Internal to store/: the identity of an event, derived from the event
// itself, so that the same event gets the same identity in any database and
// in every rebuild (and keeps its id there; see Store::BeginRebuild).
#pragma once

#include <map>
#include <string>
#include <tuple>

namespace icetrack {

// uid = the first 32 hex digits of SHA-256 over the list, the kind, the
// agreement key and the publication (its workbook's SHA-256), and the number
// of events with those four before it in that publication (almost always 0).
std::string EventUid(const std::string& list, const std::string& kind, const std::string& key,
                     const std::string& publication_sha256, int ordinal);

// Hands out uids in order, counting the ordinals.
class EventUids {
 public:
  std::string Next(const std::string& list, const std::string& kind, const std::string& key,
                   const std::string& publication_sha256);

 private:
  std::map<std::tuple<std::string, std::string, std::string, std::string>, int> seen_;
};

}  // namespace icetrack
