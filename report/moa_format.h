// What `--archive-moa` says of a pass over the MOA documents, in a line.
// Formats only; never throws.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/moa_document.h"

namespace icetrack {

// "MOA documents: 12 checked, 10 new, 1 unchanged, 1 gone (404), 0 not PDFs, 0 failed",
// then, when there were any, "; 4 predicted links asked, 1 found before the
// roster links them" and "; 11 texts read (1 unreadable)"
std::string MoaTallyLine(const MoaCheckTally& t);
// What `icetrack moa` prints: an agreement a paragraph, a document a line
// (its status and last check), then a line a version (first seen, the first
// 12 hex digits of its SHA-256, its size).
std::string MoaListing(const std::vector<AgreementDocuments>& found);
// What `icetrack moa --grep` prints: a document a paragraph, the agreements
// that link it, the URLs that served it, its digest and size, and the words
// around the match (on one line, the match in [brackets]).
std::string MoaGrepListing(const std::vector<MoaTextHit>& hits);
// {"checked", "new", "unchanged", "missing", "refused", "failed", "probed",
// "found_unlinked", "texts", "unreadable"}
nlohmann::ordered_json MoaTallyJson(const MoaCheckTally& t);

}  // namespace icetrack
