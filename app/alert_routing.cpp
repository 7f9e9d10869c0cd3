#include "app/alert_routing.h"

#include "alerts/alert_filter.h"

namespace icetrack {

std::vector<AlertRoute> RoutesFor(const std::vector<ChangeEvent>& events, const std::vector<AlertTarget>& targets) {
  std::vector<AlertRoute> routes;
  for (size_t i = 0; i < events.size(); ++i) {
    for (const AlertTarget& t : targets) {
      if (t.enabled && Wants(t.filter, events[i])) routes.push_back({i, t.name});
    }
  }
  return routes;
}

}  // namespace icetrack
