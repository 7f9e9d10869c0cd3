#include "alerts/alert_target.h"

#include "model/enum_names.h"

namespace icetrack {

namespace {

constexpr EnumName<Channel> kChannels[] = {
    {Channel::Email, "email"}, {Channel::Webhook, "webhook"}, {Channel::Slack, "slack"},
    {Channel::Discord, "discord"}, {Channel::Apprise, "apprise"}};

}  // namespace

const char* ToString(Channel channel) { return NameIn(kChannels, channel); }
bool ParseChannel(std::string_view text, Channel* out) { return ValueIn(kChannels, text, out); }

const std::vector<EventKind>& DefaultAlertKinds() {
  static const std::vector<EventKind> kinds = [] {
    std::vector<EventKind> v;
    for (EventKind k : AllEventKinds()) {
      if (k != EventKind::Missing) v.push_back(k);
    }
    return v;
  }();
  return kinds;
}

std::string AlertTarget::Masked(const Secret& secret) {
  if (secret.empty()) return "(none)";
  return "******** (from " + secret.source + ")";
}

std::string AlertTarget::ShownUrl() const {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "…";
  size_t host = scheme + 3;
  size_t end = url.find_first_of("/?#", host);
  std::string authority = url.substr(host, end == std::string::npos ? std::string::npos : end - host);
  size_t at = authority.rfind('@');
  if (at != std::string::npos) authority = authority.substr(at + 1);
  std::string shown = url.substr(0, host) + authority;
  if (channel == Channel::Apprise) return url.substr(0, host) + "…";  // an Apprise URL's host is often a token
  return end == std::string::npos || channel == Channel::Email ? shown : shown + "/…";
}

const std::vector<int64_t>& DefaultRetrySchedule() {
  static const std::vector<int64_t> schedule = {5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600};
  return schedule;
}

}  // namespace icetrack
