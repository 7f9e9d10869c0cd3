#include "model/moa_document.h"

#include "model/enum_names.h"

namespace icetrack {
namespace {

constexpr EnumName<DocumentStatus> kStatuses[] = {{DocumentStatus::Ok, "ok"},
                                                  {DocumentStatus::Missing, "missing"},
                                                  {DocumentStatus::Refused, "refused"},
                                                  {DocumentStatus::Failed, "failed"}};

}  // namespace

const char* ToString(DocumentStatus status) { return NameIn(kStatuses, status); }
bool ParseDocumentStatus(std::string_view text, DocumentStatus* out) { return ValueIn(kStatuses, text, out); }

}  // namespace icetrack
