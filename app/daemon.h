// The daemon: `icetrack run` every [source] interval (with up to a tenth of
// it, at most five minutes, of random jitter), the alerts delivered between
// runs as they fall due, until SIGTERM or SIGINT; SIGHUP reads the
// configuration again (a broken file is reported and the one in use kept).
//
// Promises: it holds the writer's lock only while it runs or delivers, so
// `import`, `accept` and `rebuild` can run between; told to stop, the
// request under way aborts within about a second and it exits — a run cut
// short leaves the store as a kill would (each publication and each notice
// is one transaction). systemd hears READY=1 once the store has been opened,
// STATUS= after each run, WATCHDOG=1 when WatchdogSec= is set, STOPPING=1.
// Everything it says goes through the log (app/logging.h).
#pragma once

#include <string>

#include "app/store_option.h"

namespace icetrack {

struct DaemonOptions {
  StoreChoice store;
  std::string metrics_file;  // else [metrics] file
  std::string report_dir;    // else [report] dir
};

// Its exit code: 0 after a stop asked for; kExitUsage for a configuration
// it cannot start with; the store's when the store cannot be opened at all.
int RunDaemon(const DaemonOptions& options);

}  // namespace icetrack
