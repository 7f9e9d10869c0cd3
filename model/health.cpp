#include "model/health.h"

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<HealthVerdict> kVerdicts[] = {
    {HealthVerdict::Healthy, "healthy"}, {HealthVerdict::Stale, "stale"}, {HealthVerdict::Failing, "failing"}};

}  // namespace

const char* ToString(HealthVerdict verdict) { return NameIn(kVerdicts, verdict); }

}  // namespace icetrack
