#include "model/archive_capture.h"

#include "model/enum_names.h"

namespace icetrack {
namespace {

constexpr EnumName<CaptureStatus> kStatuses[] = {{CaptureStatus::Found, "found"},
                                                 {CaptureStatus::Fetched, "fetched"},
                                                 {CaptureStatus::Stored, "stored"},
                                                 {CaptureStatus::Refused, "refused"},
                                                 {CaptureStatus::Failed, "failed"}};

}  // namespace

const char* ToString(CaptureStatus status) { return NameIn(kStatuses, status); }
bool ParseCaptureStatus(std::string_view text, CaptureStatus* out) { return ValueIn(kStatuses, text, out); }

}  // namespace icetrack
