// The [[alert]] tables of the configuration, read into AlertTargets (see
// app/config.h for the promises, README for the keys). Internal to config.cpp.
#pragma once

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "alerts/alert_target.h"
#include "model/status.h"

namespace icetrack {

struct AlertConfigContext {
  std::string file;          // as errors name it
  std::string folder;        // relative _file and ca_file paths start here
  bool file_is_private = true;  // no group or other read permission
};

Status ReadAlertTargets(const AlertConfigContext& context, const toml::array& tables, std::vector<AlertTarget>* out,
                        std::vector<std::string>* warnings);

}  // namespace icetrack
