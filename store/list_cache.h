// Internal to store/: what a writer remembers of a list between two
// publications, so that the next one is diffed and recorded without reading
// every agreement of the list back (at 1,800 agreements that read cost more
// than the SQL writes of a publication).
//
// A CachedList is exactly what a fresh read would give: LoadListState's
// state, and the agreements as WriteRows reads them (tests/store/
// list_cache_test.cpp compares a cached and a fresh store after every
// publication of a history). It is trusted only while no other connection
// has written (PRAGMA data_version) and the list's latest accepted snapshot
// is the one it was made after. It is made only once its transaction has
// committed, and never when the diff's state does not name every stored
// agreement once: a publication that retires a key (the store then keeps the
// old agreement under an archived key the diff's state does not hold). It is
// dropped when a write fails and by a rebuild that does not commit.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "model/agreement_status.h"
#include "model/list_state.h"
#include "store/agreement_index.h"

namespace icetrack {

struct CachedList {
  int64_t snapshot_id = 0;   // the list's latest accepted snapshot when it was made
  int64_t data_version = 0;  // PRAGMA data_version then
  std::shared_ptr<const ListState> state;  // as LoadListState reads it
  AgreementIndex agreements;  // every agreement of the list
};

// Makes the rows of the state a diff left as they read back from the store.
void MakeAsStored(ListState* next);

}  // namespace icetrack
