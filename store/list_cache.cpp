#include "store/list_cache.h"

#include "store/row_codec.h"

namespace icetrack {

ListState AsStored(const ListState& next) {
  ListState out;
  for (const auto& [key, row] : next.present) out.present.emplace(key, AsStored(row));
  for (const auto& [key, m] : next.missing) out.missing.emplace(key, MissingRow{AsStored(m.row), m.misses, m.since});
  for (const auto& [key, r] : next.removed)
    out.removed.emplace(key, RemovedRow{AsStored(r.row), r.since, r.removed_at});
  return out;
}

}  // namespace icetrack
