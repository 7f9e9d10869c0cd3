#include "app/progress_bar.h"

#include <unistd.h>

#include <iostream>

namespace icetrack {

void ShowProgress(size_t done, size_t total, const std::string& name) {
  if (!isatty(STDERR_FILENO)) return;
  const size_t width = 30, filled = total ? width * done / total : width;
  std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done << "/"
            << total << " " << name.substr(0, 40) << "\x1b[K" << std::flush;
}

void ClearProgress() {
  if (isatty(STDERR_FILENO)) std::cerr << "\r\x1b[K" << std::flush;
}

}  // namespace icetrack
