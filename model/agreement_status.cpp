#include "model/agreement_status.h"

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<AgreementStatus> kStatuses[] = {
    {AgreementStatus::Present, "present"},
    {AgreementStatus::Missing, "missing"},
    {AgreementStatus::Removed, "removed"},
};

}  // namespace

const char* ToString(AgreementStatus status) { return NameIn(kStatuses, status); }

bool ParseAgreementStatus(std::string_view text, AgreementStatus* out) { return ValueIn(kStatuses, text, out); }

}  // namespace icetrack
