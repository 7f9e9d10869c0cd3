// Events for the alerts tests: many signings across states, as a busy week gives.
#pragma once

#include <vector>

#include "model/stored_event.h"

namespace icetrack::test {

// `n` signed events, states cycling through FL, TX, GA, …, each with an MOA link.
std::vector<StoredEvent> SignedEvents(int n);

}  // namespace icetrack::test
