// AgreementStatus: where an agreement stands in its list's lifecycle, as the
// diff decides it (diff/roster_diff.h) and the store records it.
#pragma once

#include <string_view>

namespace icetrack {

enum class AgreementStatus {
  Present,  // in the latest accepted publication of its list
  Missing,  // absent, not yet long enough to be confirmed removed
  Removed,  // confirmed removed (or, on the pending list, gone from it)
};

const char* ToString(AgreementStatus status);  // "present", "missing", "removed"
bool ParseAgreementStatus(std::string_view text, AgreementStatus* out);

}  // namespace icetrack
