// ProbeUnlinkedMoas (part of `--archive-moa`): ICE often posts an MOA days
// or weeks before its roster links it ("link pending"). For a participating
// agreement whose link has been pending at least `pending_for`, ask for the
// few URLs that ICE's own naming predicts (fetcher/moa_naming.h, learned
// from the links the roster has), rarely and politely: each URL at most once
// per `recheck_after`, at most `max_requests` a pass, paced with the MOA
// checks. Wiring only.
//
// Promises: a URL that answers a PDF whose text names the agency (by
// pdftotext) is kept as a document of the agreement and is a
// moa_found_unlinked event, once: that agreement is not probed again. A PDF
// that does not name it, or that cannot be read, is refused; a non-PDF, a
// 404 or any 4xx is absent; no answer, or no pdftotext to read it with, is
// failed and asked again next pass. Fails only when the store does.
#pragma once

#include <cstdint>

#include "app/moa_archive.h"
#include "fetcher/pacer.h"

namespace icetrack {

Status ProbeUnlinkedMoas(Store* store, const HttpClient& client, const MoaArchiveOptions& options,
                         const std::vector<RosterEntry>& roster, Pacer* pace, MoaArchiveReport* out);

}  // namespace icetrack
