// A progress bar on stderr for long commands (import, rebuild), drawn only
// when stderr is a terminal, so that logs and pipes never see it.
#pragma once

#include <cstddef>
#include <string>

namespace icetrack {

void ShowProgress(size_t done, size_t total, const std::string& name);
void ClearProgress();

}  // namespace icetrack
