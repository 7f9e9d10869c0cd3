#include "model/delivery.h"

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<DeliveryStatus> kStatuses[] = {
    {DeliveryStatus::Pending, "pending"},
    {DeliveryStatus::Delivered, "delivered"},
    {DeliveryStatus::Failed, "failed"},
    {DeliveryStatus::Expired, "expired"},
};

}  // namespace

const char* ToString(DeliveryStatus status) { return NameIn(kStatuses, status); }

bool ParseDeliveryStatus(std::string_view text, DeliveryStatus* out) { return ValueIn(kStatuses, text, out); }

}  // namespace icetrack
