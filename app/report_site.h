// The report site (`icetrack report`, `run --report-dir`): index.html,
// state/XX.html, feed.xml, export.json, icetrack.xlsx, csv/*.csv and the
// kept MOA documents (moa/*.pdf, with `--archive-moa`) in one
// folder, replaced whole (app/output_file.h: ReplaceFolder), so that a web
// server never serves half a site. Fails with a Status naming the path.
#pragma once

#include <string>

#include "app/tracking_cycle.h"
#include "model/language.h"
#include "model/status.h"
#include "report/history_export.h"
#include "store/store.h"

namespace icetrack {

// The CSV files of ExportCsvFiles into `dir`, which exists.
Status WriteCsvFiles(const std::string& dir, const HistoryExport& h);
// Its pages and the feed's titles in `language` (the data files are the same
// in every language). With `store`, the kept documents too (`h.documents`,
// in moa/): a copy the site already has is linked into the new one, not
// written again (its name holds its SHA-256).
Status WriteReportSite(const std::string& dir, const HistoryExport& h, Language language = Language::English,
                       Store* store = nullptr);

// After a run (`run --report-dir`, [report] dir): the site of everything up
// to now, written when the run stored a publication or noticed something
// about the source, when `other_events` (the MOA documents' events), when
// `dir` has no site yet, or when its index is over a day old (so that its
// "as of" and its note on an old publication stay true while ICE publishes
// nothing). `*written` says whether it was.
Status RefreshReportSite(Store* store, const std::string& dir, Language language, const CycleReport& run,
                         bool other_events, bool* written);

}  // namespace icetrack
