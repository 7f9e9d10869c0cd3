#include "store/list_cache.h"

#include "store/row_codec.h"

namespace icetrack {

void MakeAsStored(ListState* next) {
  for (PackedRow& row : next->present) {
    if (!row.has_extra()) {
      row.set_source_row(0);  // the text, shared with the roster, stays as it is
      continue;
    }
    RosterRow unpacked = row.Unpack();
    AsStored(&unpacked);
    row = PackedRow(unpacked);
  }
  for (auto& [key, m] : next->missing) AsStored(&m.row);
  for (auto& [key, r] : next->removed) AsStored(&r.row);
}

}  // namespace icetrack
