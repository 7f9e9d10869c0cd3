#include "model/moa_document.h"

#include "model/enum_names.h"

namespace icetrack {
namespace {

constexpr EnumName<DocumentStatus> kStatuses[] = {{DocumentStatus::Ok, "ok"},
                                                  {DocumentStatus::Missing, "missing"},
                                                  {DocumentStatus::Refused, "refused"},
                                                  {DocumentStatus::Failed, "failed"}};

constexpr EnumName<ProbeStatus> kProbeStatuses[] = {{ProbeStatus::Found, "found"},
                                                    {ProbeStatus::Absent, "absent"},
                                                    {ProbeStatus::Refused, "refused"},
                                                    {ProbeStatus::Failed, "failed"}};

}  // namespace

const char* ToString(DocumentStatus status) { return NameIn(kStatuses, status); }
bool ParseDocumentStatus(std::string_view text, DocumentStatus* out) { return ValueIn(kStatuses, text, out); }
const char* ToString(ProbeStatus status) { return NameIn(kProbeStatuses, status); }
bool ParseProbeStatus(std::string_view text, ProbeStatus* out) { return ValueIn(kProbeStatuses, text, out); }

}  // namespace icetrack
