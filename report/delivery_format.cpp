#include "report/delivery_format.h"

#include <cstdio>

namespace icetrack {
namespace {

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

std::string Events(int n) { return std::to_string(n) + (n == 1 ? " event" : " events"); }

std::string AttemptLine(const Delivery& d) {
  std::string line = "alert " + d.target + ": " + d.id + " (" + Events(d.events) + "): ";
  switch (d.status) {
    case DeliveryStatus::Delivered: return line + "delivered";
    case DeliveryStatus::Pending: return line + "not delivered (" + d.last_error + "); next attempt " + d.next_attempt_at;
    case DeliveryStatus::Failed: return line + "failed: " + d.last_error + " (`icetrack alerts retry " + d.id + "`)";
    case DeliveryStatus::Expired: return line + "expired: " + d.last_error;
  }
  return line;
}

}  // namespace

std::vector<std::string> DeliveryPassLines(const DeliveryPass& pass) {
  std::vector<std::string> lines;
  for (const Delivery& d : pass.attempted) lines.push_back(AttemptLine(d));
  for (const Delivery& d : pass.held)
    lines.push_back("alert " + d.target + ": " + d.id + " (" + Events(d.events) + ") held: " + d.last_error);
  return lines;
}

nlohmann::ordered_json DeliveryJson(const Delivery& d) {
  return {{"id", d.id},
          {"target", d.target},
          {"status", ToString(d.status)},
          {"events", d.events},
          {"created_at", d.created_at},
          {"attempts", d.attempts},
          {"last_attempt_at", OrNull(d.last_attempt_at)},
          {"next_attempt_at", OrNull(d.next_attempt_at)},
          {"delivered_at", OrNull(d.delivered_at)},
          {"last_error", OrNull(d.last_error)}};
}

nlohmann::ordered_json DeliveryPassJson(const DeliveryPass& pass) {
  auto list = [](const std::vector<Delivery>& ds) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const Delivery& d : ds) j.push_back(DeliveryJson(d));
    return j;
  };
  return {{"queued", pass.queued.size()}, {"attempted", list(pass.attempted)}, {"held", list(pass.held)}};
}

std::vector<std::string> DeliveryTableLines(const std::vector<Delivery>& deliveries,
                                            const std::map<std::string, std::string>& disabled) {
  std::vector<std::string> lines;
  for (const auto& [target, why] : disabled)
    lines.push_back("target " + target + " is switched off: " + why + " (`icetrack alerts enable " + target + "`)");
  for (const Delivery& d : deliveries) {
    char head[160];
    std::snprintf(head, sizeof head, "%-28s  %-16s  %-9s  %4d  %8d  ", d.id.c_str(), d.target.c_str(),
                  ToString(d.status), d.events, d.attempts);
    std::string when = d.status == DeliveryStatus::Delivered ? "delivered " + d.delivered_at
                       : d.status == DeliveryStatus::Pending ? "next " + d.next_attempt_at
                                                             : "last " + d.last_attempt_at;
    std::string line = head + when;
    if (!d.last_error.empty() && d.status != DeliveryStatus::Delivered) line += "  " + d.last_error;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace icetrack
