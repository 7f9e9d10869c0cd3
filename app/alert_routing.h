// RoutesFor: which configured targets are told of which events — every
// enabled target whose filter wants the event (alerts/alert_filter.h). The
// routes go to the store with the events, so that the outbox gets them in
// the events' own transaction.
#pragma once

#include <vector>

#include "alerts/alert_target.h"
#include "model/change_event.h"
#include "store/store.h"

namespace icetrack {

std::vector<AlertRoute> RoutesFor(const std::vector<ChangeEvent>& events, const std::vector<AlertTarget>& targets);

}  // namespace icetrack
