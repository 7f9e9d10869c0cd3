// Deliveries as people and programs read them: what `run` and `alerts
// deliver` say about a pass over the outbox, the table and the JSON of
// `alerts list`. Never a secret: a delivery holds none (its last_error was
// scrubbed when it was recorded).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/delivery.h"

namespace icetrack {

// "alert fl-desk: delivered msg_… (3 events)", one per delivery attempted or held.
std::vector<std::string> DeliveryPassLines(const DeliveryPass& pass);
nlohmann::ordered_json DeliveryPassJson(const DeliveryPass& pass);

nlohmann::ordered_json DeliveryJson(const Delivery& d);
// The table of `alerts list`; `disabled` maps a switched-off target to why.
std::vector<std::string> DeliveryTableLines(const std::vector<Delivery>& deliveries,
                                            const std::map<std::string, std::string>& disabled);

}  // namespace icetrack
