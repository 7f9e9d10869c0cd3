#include "store/list_cache.h"

#include "store/row_codec.h"

namespace icetrack {

void MakeAsStored(ListState* next) {
  for (auto& [key, row] : next->present) AsStored(&row);
  for (auto& [key, m] : next->missing) AsStored(&m.row);
  for (auto& [key, r] : next->removed) AsStored(&r.row);
}

}  // namespace icetrack
