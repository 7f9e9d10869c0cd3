// MoaDocument: an MOA or addendum that the roster links, as `--archive-moa`
// last found it (docs/SCHEMA.md, tables moa_documents, moa_versions and
// moa_files): what it answered, the bytes it served, and every distinct
// document it ever served.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icetrack {

enum class DocumentStatus {
  Ok,       // it served a PDF (kept in moa_files)
  Missing,  // it answered 404 or 410
  Refused,  // it served something that is not a PDF, or too much
  Failed,   // no answer (a timeout, a 5xx after the retries): checked again next time
};
const char* ToString(DocumentStatus status);  // "ok", "missing", "refused", "failed"
bool ParseDocumentStatus(std::string_view text, DocumentStatus* out);

struct MoaDocument {
  std::string url;
  DocumentStatus status = DocumentStatus::Failed;
  std::string sha256;                // of the last PDF it served; "" before any
  std::string etag, last_modified;   // of that answer, for a conditional check
  std::string first_checked, checked_at;  // ISO-8601 UTC
  std::string error;                 // why missing, refused or failed
};

// One distinct document a URL served, and when it was first seen.
struct MoaVersion {
  std::string url, sha256, seen_at;
  int64_t size = 0;
};

// A document an agreement links (its MOA or an addendum), with what was found there.
struct LinkedDocument {
  bool addendum = false;
  std::string url;
  std::optional<MoaDocument> checked;  // nullopt: never checked (`--archive-moa` was not on)
  std::vector<MoaVersion> versions;    // every distinct PDF it served, oldest first
};

// An agreement's documents, for `icetrack moa`.
struct AgreementDocuments {
  std::string state_code, agency, model;  // the model as written ("JEM"), "" when unknown
  std::vector<LinkedDocument> links;      // the current ones first, then the links it had before
};

// What one pass over the documents did.
struct MoaCheckTally {
  int checked = 0;    // asked for
  int kept = 0;       // a PDF not stored before
  int unchanged = 0;  // the PDF stored before (or 304)
  int missing = 0, refused = 0, failed = 0;
  int probed = 0;          // predicted URLs asked for (agreements whose link is pending)
  int found_unlinked = 0;  // ... that answered with the agreement's MOA
  int texts = 0;           // documents whose text was read (pdftotext) for `moa --grep`
  int unreadable = 0;      // ... or could not be
};

// Who a document belongs to, as the roster names them.
struct AgreementName {
  std::string state_code, agency, model;  // the model as written ("JEM"), "" when unknown
};

// A document whose text holds what `moa --grep` looks for.
struct MoaTextHit {
  std::string sha256;
  std::string snippet;  // the words around the match, the match in [brackets]
  int64_t size = 0;
  std::vector<MoaVersion> served;          // the URLs that served it, and since when
  std::vector<AgreementName> agreements;   // the agreements that link it (or that it was found for)
};

// What a URL predicted from ICE's MOA naming answered (moa_found_unlinked).
enum class ProbeStatus {
  Found,    // a PDF that names the agency: kept, and told
  Absent,   // a 4xx, or not a PDF: asked again after a while
  Refused,  // a PDF that does not name the agency, or cannot be read
  Failed,   // no answer, or no pdftotext: asked again next pass
};
const char* ToString(ProbeStatus status);  // "found", "absent", "refused", "failed"
bool ParseProbeStatus(std::string_view text, ProbeStatus* out);

struct MoaProbe {
  std::string url;
  std::string key;  // the agreement's key in the participating list
  ProbeStatus status = ProbeStatus::Failed;
  std::string sha256;      // of the PDF found
  std::string checked_at;  // ISO-8601 UTC
  std::string error;       // why it is not found
};

}  // namespace icetrack
