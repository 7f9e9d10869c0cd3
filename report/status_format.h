// `icetrack status` as people and programs read it: a few lines saying
// whether all is well and, when not, what to do; or one JSON document.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/health.h"

namespace icetrack {

std::vector<std::string> StatusLines(const Health& health);
nlohmann::ordered_json StatusJson(const Health& health);

}  // namespace icetrack
