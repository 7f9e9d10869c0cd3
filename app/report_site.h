// The report site (`icetrack report`, `run --report-dir`): index.html,
// state/XX.html, feed.xml, export.json, icetrack.xlsx and csv/*.csv in one
// folder, replaced whole (app/output_file.h: ReplaceFolder), so that a web
// server never serves half a site. Fails with a Status naming the path.
#pragma once

#include <string>

#include "model/status.h"
#include "report/history_export.h"

namespace icetrack {

// The CSV files of ExportCsvFiles into `dir`, which exists.
Status WriteCsvFiles(const std::string& dir, const HistoryExport& h);
Status WriteReportSite(const std::string& dir, const HistoryExport& h);

}  // namespace icetrack
