// StoredEvent: a change event as the change log keeps it, with its place
// in the log. What `log` prints, what a digest and a webhook carry.
#pragma once

#include <cstdint>
#include <string>

#include "model/change_event.h"

namespace icetrack {

struct StoredEvent {
  int64_t id = 0;           // never reused; kept by a rebuild
  std::string uid;          // derived from the event: the same in every database and rebuild
  int64_t snapshot_id = 0;  // the publication it came from; 0 for a notice about the source itself
  std::string at;           // that publication's time (a notice: when it was noticed), ISO-8601 UTC
  ChangeEvent event;
};

}  // namespace icetrack
