// GatherHealth: the store's view of how an installation stands (model/health.h),
// judged (diff/service_health.h). Wires store -> model for `status`, the
// metrics file and the daemon; reads only.
#pragma once

#include <string>

#include "app/config.h"
#include "model/health.h"
#include "model/utc_time.h"
#include "store/store.h"

namespace icetrack {

Status GatherHealth(Store* store, const Config& config, UtcTime now, Health* out);

}  // namespace icetrack
